import TsheetCore

/// A log as one transaction of either engine sees it, for what both engines do alike: each engine's log
/// (`SQLiteLog`, `PostgresLog`) says how it finds a client and runs a statement, and the queries that hold no
/// dialect (the filter's `WHERE`, the billing rule, the pivot's sums, the messages) are written once, here and in
/// the `SQLLog+` files.
protocol SQLLog {
  associatedtype Statement: SQLStatement

  /// An empty statement of this engine.
  func statement() -> Statement

  /// The id of the client called `name` in any case (`Émile` is `émile`), or nil.
  func clientID(named name: String) throws -> Int64?

  /// The id of the client called `name` in any case, created when missing.
  func clientID(creatingIfMissing name: String) throws -> Int64

  /// Runs `statement`, which reads nothing.
  func execute(_ statement: Statement) throws

  /// The error a value the log holds but tsheet cannot read is told as (the engine names the log).
  func unreadable(_ reason: String) -> any Error

  /// The rows `statement` reads, each with its columns by name.
  func rows(_ statement: Statement) throws -> [any SQLRow]

  /// The entries `statement` reads, with the columns `entrySelect` names.
  func entries(_ statement: Statement) throws -> [Entry]

  /// The person whose import keys were stored without a person (`ImportKey.fingerprint`): on SQLite, the
  /// person of the entries from before entries named one; none on PostgreSQL.
  func unmixedPerson() throws -> String?
}

/// A row of a query's answer, its columns by name as the query names them.
protocol SQLRow {
  func integer(_ column: String) throws -> Int64?
  func text(_ column: String) throws -> String?
  /// The column as a day, as `SQLStatement.dayValue` gives it; nil when NULL or not a day.
  func day(_ column: String) throws -> CalendarDay?
}

extension SQLLog {
  /// The id of the client called `name` in any case.
  /// - Throws: `StoreError.noSuchClient` when there is none.
  func existingClientID(named name: String) throws -> Int64 {
    guard let id = try clientID(named: name) else { throw StoreError.noSuchClient(name: name) }
    return id
  }

  /// The `WHERE` clause (empty when nothing is filtered) selecting the entries `e` that match `filter`, its
  /// values bound in `statement`. The search folds ASCII letters only, on both sides (SQLite's `lower()`).
  /// - Throws: `StoreError.noSuchClient` when the filter names a client that does not exist.
  func whereClause(for filter: EntryFilter, in statement: inout Statement) throws -> String {
    var conditions: [String] = []
    if let name = filter.client {
      conditions.append("e.client_id = " + statement.bind(try existingClientID(named: name)))
    }
    if let person = filter.person { conditions.append("e.person = " + statement.bind(person)) }
    if let from = filter.from { conditions.append("e.day >= " + statement.bind(day: from)) }
    if let to = filter.to { conditions.append("e.day <= " + statement.bind(day: to)) }
    if let after = filter.after {
      conditions.append(
        "(e.day < \(statement.bind(day: after.day)) OR (e.day = \(statement.bind(day: after.day))"
          + " AND e.id < \(statement.bind(after.id))))")
    }
    if let search = filter.search?.asciiLowercased {
      conditions.append(
        "(\(Statement.contains(folded: statement.bind(search), in: "e.title")) OR "
          + "\(Statement.contains(folded: statement.bind(search), in: "e.description")))")
    }
    return conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
  }

  /// The SQL for one entry's billed minutes, `e.minutes` rounded by its client's rule, its values bound in
  /// `statement`: the one place tsheet rounds in SQL (reports, the email's entries and its month and year to
  /// date all come through here); its Swift twin is `Rounding.billed`, and `BillingTests` pins that the two
  /// agree on both engines.
  func billedMinutesSQL(_ billing: BillingRules, in statement: inout Statement) throws -> String {
    guard !billing.isEmpty else { return "e.minutes" }
    var cases: [String] = []
    for client in try rows(self.statement() + "SELECT id, name_key FROM client ORDER BY id") {
      guard let id = try client.integer("id"), let rule = billing.rule(for: try client.text("name_key") ?? "")
      else { continue }
      // Each placeholder bound where it stands: SQLite's `?` are numbered by their place.
      func step() -> String { statement.bind(rule.step.value) }
      switch rule.mode {
      case .up: cases.append("WHEN \(statement.bind(id)) THEN (e.minutes + \(step()) - 1) / \(step()) * \(step())")
      case .nearest:
        cases.append("WHEN \(statement.bind(id)) THEN (e.minutes * 2 + \(step())) / (2 * \(step())) * \(step())")
      }
    }
    return cases.isEmpty ? "e.minutes" : "CASE e.client_id \(cases.joined(separator: " ")) ELSE e.minutes END"
  }

  /// The first integer of the first row `statement` reads, 0 when there is none.
  func integer(_ statement: Statement, column: String) throws -> Int {
    Int(try rows(statement).first?.integer(column) ?? 0)
  }
}

extension SQLStatement {
  static func + (statement: Self, sql: String) -> Self {
    var statement = statement
    statement.sql += sql
    return statement
  }
}
