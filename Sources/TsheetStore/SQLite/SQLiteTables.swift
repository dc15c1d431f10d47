import GRDB
import GRDBSQLite
import TsheetCore

extension SQLiteStore {
  package func readTables<T>(_ body: (any TableReader) throws -> T) throws -> T {
    try translatingErrors { try queue.read { try body(SQLiteLog(db: $0)) } }
  }

  /// Writes with the entries' counting trigger and indexes dropped, and both made again at the end (as an
  /// import does): the daily totals counted again from every entry in one pass, the indexes built by two
  /// sorter threads.
  package func writeTables<T>(_ body: (any TableWriter) throws -> T) throws -> T {
    try translatingErrors {
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA cache_size = -\(SQLiteStore.revisitingCacheKiB); PRAGMA threads = 2")
        defer { try? db.execute(sql: "PRAGMA cache_size = -\(SQLiteStore.cacheKiB); PRAGMA threads = 0") }
        var result: T?
        try db.inTransaction(.immediate) {
          let dropped = try db.dropSchemaObjects(["entry_counted", "entry_by_client_day", "entry_by_day"])
          result = try body(SQLiteTableWriter(db: db))
          for object in dropped { try db.execute(sql: object.sql) }
          try db.execute(
            sql: """
              DELETE FROM client_day;
              INSERT INTO client_day (client_id, day, person, minutes, entries)
              SELECT client_id, day, person, sum(minutes), count(*) FROM entry GROUP BY client_id, day, person
              """)
          return .commit
        }
        guard let result else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the copy did not run") }
        return result
      }
    }
  }
}

extension SQLiteLog: TableReader {
  /// Steps through SQLite's C API: values as stored, a row at a time.
  func forEachRow(of table: LogTable, _ body: ([TableValue]) throws -> Void) throws {
    let select = try db.makeStatement(sql: tableSelect(table).sql)
    let handle = select.sqliteStatement
    let count = Int32(table.columns.count)
    while true {
      let code = sqlite3_step(handle)
      if code == SQLITE_DONE { return }
      guard code == SQLITE_ROW else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
      }
      var row: [TableValue] = []
      row.reserveCapacity(Int(count))
      for column in 0..<count {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: row.append(.null)
        case SQLITE_INTEGER: row.append(.integer(sqlite3_column_int64(handle, column)))
        default:
          // Text (and anything else, as text): PostgreSQL refuses what its column cannot hold.
          let bytes = sqlite3_column_text(handle, column)
          let length = Int(sqlite3_column_bytes(handle, column))
          row.append(
            .text(bytes.map { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""))
        }
      }
      try body(row)
    }
  }
}

/// Adds rows table by table, each through a statement prepared once and bound through SQLite's C API.
final class SQLiteTableWriter: TableWriter {
  let db: Database
  private var inserts: [String: Statement] = [:]

  init(db: Database) { self.db = db }

  func unmixedPerson() throws -> String? { try SQLiteLog(db: db).unmixedPerson() }
  func rowCount(of table: LogTable) throws -> Int { try SQLiteLog(db: db).rowCount(of: table) }
  func forEachRow(of table: LogTable, _ body: ([TableValue]) throws -> Void) throws {
    try SQLiteLog(db: db).forEachRow(of: table, body)
  }

  func add(_ row: [TableValue], to table: LogTable) throws {
    let insert = try statement(for: table)
    let handle = insert.sqliteStatement
    sqlite3_reset(handle)
    for (index, value) in row.enumerated() {
      let place = Int32(index + 1)
      let code: Int32
      switch value {
      case .null: code = sqlite3_bind_null(handle, place)
      case .integer(let number): code = sqlite3_bind_int64(handle, place, number)
      case .text(let text) where text.isEmpty: code = sqlite3_bind_text(handle, place, "", 0, Statement.transient)
      case .text(var text):
        code = text.withUTF8 { bytes in
          bytes.withMemoryRebound(to: CChar.self) {
            sqlite3_bind_text(handle, place, $0.baseAddress, Int32($0.count), Statement.transient)
          }
        }
      }
      guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), sql: insert.sql) }
    }
    try insert.step()
  }

  /// The insert of `table`'s columns, prepared on first use.
  private func statement(for table: LogTable) throws -> Statement {
    if let known = inserts[table.name] { return known }
    let insert = try db.makeStatement(
      sql: "INSERT INTO \(table.name) (\(table.columns.map(\.name).joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: table.columns.count).joined(separator: ", ") + ")")
    inserts[table.name] = insert
    return insert
  }
}

extension Database {
  /// Drops the schema objects `names` that exist.
  /// - Returns: each dropped object with the SQL that makes it again (as the migrations wrote it).
  func dropSchemaObjects(_ names: [String]) throws -> [(name: String, sql: String)] {
    var dropped: [(name: String, sql: String)] = []
    for name in names {
      guard
        let object = try Row.fetchOne(
          self, sql: "SELECT type, sql FROM sqlite_master WHERE name = ?", arguments: [name])
      else { continue }
      try execute(sql: "DROP \((object["type"] as String).uppercased()) \(name)")
      dropped.append((name, object["sql"]))
    }
    return dropped
  }
}
