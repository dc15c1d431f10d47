import PostgresNIO
import TsheetCore

/// The log as one PostgreSQL transaction sees it: what `PostgresStore.read` and `write` hand to the use cases.
/// What holds no dialect is written once for both engines (`SQLLog`); this and the `PostgresLog+` files hold the
/// rest.
struct PostgresLog: LogWriter, SQLLog {
  let session: PostgresSession

  func statement() -> PostgresStatement { PostgresStatement() }

  /// The id of the client called `name` in any case (`Émile` is `émile`), or nil.
  func clientID(named name: String) throws -> Int64? {
    var statement = PostgresStatement()
    statement += "SELECT id FROM client WHERE name_key = \(statement.bind(ClientName.key(name)))"
    return try session.value(statement)
  }

  /// The id of the client called `name` in any case, created when missing (by whichever member is first).
  func clientID(creatingIfMissing name: String) throws -> Int64 {
    if let id = try clientID(named: name) { return id }
    var insert = PostgresStatement()
    insert += "INSERT INTO client (name, name_key) VALUES (\(insert.bind(name)), \(insert.bind(ClientName.key(name))))"
    insert += " ON CONFLICT (name_key) DO NOTHING RETURNING id"
    if let id: Int64 = try session.value(insert) { return id }
    return try existingClientID(named: name)
  }

  func execute(_ statement: PostgresStatement) throws { try session.query(statement) }

  func unreadable(_ reason: String) -> any Error { StoreError.unexpectedShape(path: session.url, reason: reason) }

  func rows(_ statement: PostgresStatement) throws -> [any SQLRow] { try session.rows(statement) }

  /// None: the team's log named the person of every entry from its first migration.
  func unmixedPerson() throws -> String? { nil }

  func entries(_ statement: PostgresStatement) throws -> [Entry] {
    try session.rows(statement).map { row in
      Entry(
        id: try row.value(EntryColumn.id.name), client: try row.value(EntryColumn.client.name),
        title: try row.value(EntryColumn.title.name), description: try row.value(EntryColumn.description.name),
        day: CalendarDay(dayNumber: try row.value(EntryColumn.day.name)),
        minutes: Minutes(try row.value(EntryColumn.minutes.name)), person: try row.value(EntryColumn.person.name))
    }
  }
}
