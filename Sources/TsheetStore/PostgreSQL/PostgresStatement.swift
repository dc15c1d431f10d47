import PostgresNIO
import TsheetCore

/// SQL with the values it uses, each bound as it is written: `"e.id = " + statement.bind(id)` gives `e.id = $1`.
struct PostgresStatement {
    var sql: String
    var binds = PostgresBindings()

    init(_ sql: String = "") { self.sql = sql }

    /// Binds `value` and returns its placeholder.
    mutating func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    /// Binds `value`, NULL when nil, and returns its placeholder.
    mutating func bind(_ value: (some PostgresDynamicTypeEncodable)?) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    /// Binds `day` and returns its placeholder, as a date.
    mutating func bind(day: CalendarDay) -> String { bind(day.description) + "::date" }

    static func += (statement: inout PostgresStatement, sql: String) { statement.sql += sql }

    static func + (statement: PostgresStatement, sql: String) -> PostgresStatement {
        var statement = statement
        statement.sql += sql
        return statement
    }
}

/// The SQL that gives a date column as tsheet's day number (days since 1970-01-01), and back.
enum PostgresDay {
    static func number(_ column: String) -> String { "(\(column) - DATE '1970-01-01')" }

    static func day(_ number: Int) -> CalendarDay { CalendarDay(dayNumber: number) }
}

extension PostgresSession {
    /// Runs `statement` and returns its rows.
    @discardableResult
    func query(_ statement: PostgresStatement) throws -> [PostgresRow] { try query(statement.sql, statement.binds) }

    /// The first column of the first row of `statement`, decoded as `T`; nil when there is no row.
    func value<T: PostgresDecodable>(_ statement: PostgresStatement, as type: T.Type = T.self) throws -> T? {
        guard let row = try query(statement).first else { return nil }
        do { return try row.decode(T.self) } catch { throw Self.translating(error, for: target) }
    }
}

extension PostgresRow {
    /// The row's one column as `type`.
    func column<T: PostgresDecodable>(_ type: T.Type, url: String) throws -> T {
        do { return try decode(T.self) } catch { throw StoreError.unexpectedShape(path: url, reason: "\(error)") }
    }

    /// The row's columns as `types`, a tuple; a mismatch is the server's log not holding what tsheet expects.
    func columns<each T: PostgresDecodable>(_ types: (repeat each T).Type, url: String) throws -> (repeat each T) {
        do { return try decode((repeat each T).self) } catch {
            throw StoreError.unexpectedShape(path: url, reason: "\(error)")
        }
    }
}
