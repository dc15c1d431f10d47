import PostgresNIO
import TsheetCore

/// SQL with the values it uses, each bound as it is written: `"e.id = " + statement.bind(id)` gives `e.id = $1`.
/// PostgreSQL's dialect of the queries both engines run: days are `date`s, read back as day numbers (days since
/// 1970-01-01), and sums of `bigint`s are cast back from `numeric`.
struct PostgresStatement: SQLStatement {
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

  mutating func bind(_ value: Int64) -> String {
    binds.append(value)
    return "$\(binds.count)"
  }

  mutating func bind(_ value: String) -> String {
    binds.append(value)
    return "$\(binds.count)"
  }

  mutating func bind(_ value: String?) -> String {
    binds.append(value)
    return "$\(binds.count)"
  }

  mutating func bind(_ value: Int64?) -> String {
    binds.append(value)
    return "$\(binds.count)"
  }

  /// Binds `day` and returns its placeholder, as a date.
  mutating func bind(day: CalendarDay) -> String { bind(day.description) + "::date" }

  mutating func bind(instant: String?) -> String { bind(instant) + "::timestamptz" }

  mutating func bind(wallClock time: LocalTime) -> String { bind(time.isoSecond) + "::timestamp" }

  /// ASCII letters folded, and nothing else: the search SQLite's store makes.
  static func contains(folded: String, in column: String) -> String {
    "strpos(translate(\(column), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), \(folded)) > 0"
  }

  static func firstDay(of column: String, year: Bool) -> String {
    "date_trunc('\(year ? "year" : "month")', \(column))::date"
  }

  static func dayValue(_ column: String) -> String { "(\(column) - DATE '1970-01-01')" }

  static func instantText(_ column: String) -> String {
    "to_char(\(column) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
  }

  static func wallClockText(_ column: String) -> String { "to_char(\(column), 'YYYY-MM-DD\"T\"HH24:MI:SS')" }

  static func caseless(_ column: String) -> String { "lower(\(column)), \(column)" }

  static let now = "now()"

  static func integer(_ sum: String) -> String { "(\(sum))::bigint" }

  static func copied(_ column: String, kind: ColumnKind) -> String {
    switch kind {
    case .integer: return "\(column)::bigint"
    case .text: return column
    case .day: return "to_char(\(column), 'YYYY-MM-DD')"
    case .wallTime: return "to_char(\(column), 'YYYY-MM-DD\"T\"HH24:MI:SS')"
    case .timestamp:
      let utc = "\(column) AT TIME ZONE 'UTC'"
      return """
        CASE WHEN \(column) = date_trunc('second', \(column)) THEN to_char(\(utc), 'YYYY-MM-DD"T"HH24:MI:SS"Z"') \
        ELSE to_char(\(utc), 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END
        """
    }
  }
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

  /// The rows of `statement`, each read by its columns' names.
  func rows(_ statement: PostgresStatement) throws -> [PostgresNamedRow] {
    try query(statement).map { PostgresNamedRow(row: $0.makeRandomAccess(), url: url) }
  }
}

/// A row of the server's answer read by its columns' names, as SQLite's records are; a column missing or of
/// another type is the server's log not holding what tsheet expects.
struct PostgresNamedRow: SQLRow {
  let row: PostgresRandomAccessRow
  let url: String

  /// The column `name` as `T`.
  func value<T: PostgresDecodable>(_ name: String, as _: T.Type = T.self) throws -> T {
    guard row.contains(name) else { throw StoreError.unexpectedShape(path: url, reason: "no column \(name)") }
    do { return try row[name].decode(T.self) } catch {
      throw StoreError.unexpectedShape(path: url, reason: "\(error)")
    }
  }

  func integer(_ column: String) throws -> Int64? { try value(column) }
  func text(_ column: String) throws -> String? { try value(column) }
  /// A day number (`SQLStatement.dayValue`).
  func day(_ column: String) throws -> CalendarDay? {
    try value(column, as: Int?.self).map(CalendarDay.init(dayNumber:))
  }
}
