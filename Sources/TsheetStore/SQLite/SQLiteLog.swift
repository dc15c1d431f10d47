import GRDB
import TsheetCore

/// The log as one SQLite transaction sees it: what `SQLiteStore.read` and `write` hand to the use cases. What
/// holds no dialect is written once for both engines (`SQLLog`); this and the `SQLiteLog+` files hold the rest.
struct SQLiteLog: LogWriter, SQLLog {
  let db: Database

  func statement() -> SQLiteStatement { SQLiteStatement() }

  /// The id of the client called `name` in any case (`Émile` is `émile`), or nil. Of two clients whose names
  /// differ only in case (possible in logs from before names were folded), the one written exactly so wins,
  /// else the older.
  func clientID(named name: String) throws -> Int64? {
    try Int64.fetchOne(
      db,
      sql: """
        SELECT id FROM client WHERE name_key = ? ORDER BY name = ? COLLATE BINARY DESC, id LIMIT 1
        """, arguments: [ClientName.key(name), name])
  }

  /// The id of the client called `name` in any case, created when missing.
  func clientID(creatingIfMissing name: String) throws -> Int64 {
    if let id = try clientID(named: name) { return id }
    try ClientRow(name: name, name_key: ClientName.key(name)).insert(db)
    return db.lastInsertedRowID
  }

  func execute(_ statement: SQLiteStatement) throws {
    try db.execute(sql: statement.sql, arguments: statement.arguments)
  }

  func unmixedPerson() throws -> String? { try SQLiteStore.firstPerson(in: db) }

  /// Told as SQLite's own mismatch: the store names the file (`StoreError.unexpectedShape`).
  func unreadable(_ reason: String) -> any Error { DatabaseError(resultCode: .SQLITE_MISMATCH, message: reason) }

  func rows(_ statement: SQLiteStatement) throws -> [any SQLRow] {
    try Row.fetchAll(db, sql: statement.sql, arguments: statement.arguments).map(SQLiteRow.init)
  }

  func entries(_ statement: SQLiteStatement) throws -> [Entry] {
    try EntryRow.fetchAll(db, sql: statement.sql, arguments: statement.arguments).map(\.entry)
  }
}
