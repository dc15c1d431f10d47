import GRDB
import GRDBSQLite
import TsheetCore

/// The statements an import runs for every row, prepared once.
struct ImportStatements {
  let insertEntry: Statement
  let insertEntryWithID: Statement
  let findKey: Statement
  let insertKey: Statement
  let claimKey: Statement
  /// The entry an id holds, for the same-entry rule (`StoredEntry`).
  let storedEntry: Statement

  init(db: Database) throws {
    insertEntry = try db.makeStatement(
      sql: """
        INSERT INTO entry (client_id, title, description, day, minutes, created_at, updated_at, person)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    insertEntryWithID = try db.makeStatement(
      sql: """
        INSERT OR IGNORE INTO entry (id, client_id, title, description, day, minutes, created_at, updated_at,
                                     person)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    findKey = try db.makeStatement(sql: "SELECT batch FROM import_key WHERE key = ?")
    insertKey = try db.makeStatement(sql: "INSERT INTO import_key (key, batch) VALUES (?, ?)")
    claimKey = try db.makeStatement(sql: "UPDATE import_key SET batch = ? WHERE key = ?")
    storedEntry = try db.makeStatement(sql: StoredEntry.select(SQLiteStatement.self) + " WHERE e.id = ?")
  }
}

extension Statement {
  /// Inserts `entry` with a statement whose placeholders are (`id`,) client, title, description, day, minutes,
  /// created, updated and person. The values are bound through SQLite's C API: GRDB's `StatementArguments` cost
  /// more than the insert itself, a third of a million-row import.
  func insert(id: Int64?, client: Int64, _ entry: NewEntry, day: String, at time: String) throws {
    sqlite3_reset(sqliteStatement)  // SQLite binds only to a statement that is not running
    var index: Int32 = 0
    func bound(_ code: Int32) throws {
      guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), sql: sql) }
    }
    func bind(_ value: Int64) throws {
      index += 1
      try bound(sqlite3_bind_int64(sqliteStatement, index, value))
    }
    func bind(_ text: String) throws {
      index += 1
      var text = text
      try bound(
        text.withUTF8 { bytes in
          bytes.withMemoryRebound(to: CChar.self) { characters in
            sqlite3_bind_text(
              sqliteStatement, index, characters.baseAddress, Int32(characters.count),
              Self.transient)
          }
        })
    }
    if let id { try bind(id) }
    try bind(client)
    try bind(entry.title)
    try bind(entry.description)
    try bind(day)
    try bind(Int64(entry.minutes.value))
    try bind(time)
    try bind(time)
    try bind(entry.person)
    try step()
  }

  /// Runs the statement with the values bound, straight through SQLite: GRDB's `execute()` looks after
  /// observers and transactions that an insert inside the import's own transaction does not involve.
  func step() throws {
    let code = sqlite3_step(sqliteStatement)
    guard code == SQLITE_DONE else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code),
        message: String(cString: sqlite3_errmsg(sqlite3_db_handle(sqliteStatement))), sql: sql)
    }
  }

  /// Inserts import keys with a statement whose placeholders are the keys.
  func insert(keys: ArraySlice<Int64>) throws {
    sqlite3_reset(sqliteStatement)
    for (index, key) in keys.enumerated() {
      let code = sqlite3_bind_int64(sqliteStatement, Int32(index + 1), key)
      guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), sql: sql) }
    }
    try step()
  }

  /// SQLite's `SQLITE_TRANSIENT`: copy the bytes now.
  static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
