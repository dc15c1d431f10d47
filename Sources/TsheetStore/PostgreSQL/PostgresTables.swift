import PostgresNIO
import TsheetCore

extension PostgresStore {
  package func readTables<T>(_ body: (any TableReader) throws -> T) throws -> T {
    try transaction(readOnly: true) { try body(PostgresLog(session: session)) }
  }

  /// Writes under the write lock; the statement triggers count the daily totals of each batch of entries.
  package func writeTables<T>(_ body: (any TableWriter) throws -> T) throws -> T {
    try writing { log in
      let writer = PostgresTableWriter(log: log)
      let result = try body(writer)
      try writer.finish()
      return result
    }
  }
}

extension PostgresLog: TableReader {
  /// Reads through a cursor, `PostgresStore.pageSize` rows at a time, in the transaction's snapshot.
  func forEachRow(of table: LogTable, _ body: ([TableValue]) throws -> Void) throws {
    try session.query("DECLARE copied_rows NO SCROLL CURSOR FOR " + tableSelect(table).sql)
    while true {
      let page = try session.query("FETCH \(PostgresStore.pageSize) FROM copied_rows")
      for row in page {
        var values: [TableValue] = []
        values.reserveCapacity(table.columns.count)
        for (cell, column) in zip(row, table.columns) {
          do {
            if column.kind == .integer {
              values.append(try cell.decode(Int64?.self).map(TableValue.integer) ?? .null)
            } else {
              values.append(try cell.decode(String?.self).map(TableValue.text) ?? .null)
            }
          } catch {
            throw StoreError.unexpectedShape(path: session.url, reason: "\(table.name).\(column.name): \(error)")
          }
        }
        try body(values)
      }
      if page.count < PostgresStore.pageSize { break }
    }
    try session.query("CLOSE copied_rows")
  }
}

/// Adds rows table by table, `batchSize` in one statement: the batch travels as a JSON array of objects that
/// the server reads into the table's own row type (`json_populate_recordset`), so that each value is read by its
/// column's type (days, times) and NULL stays NULL.
final class PostgresTableWriter: TableWriter {
  let log: PostgresLog
  private var pending: (table: LogTable, json: String, count: Int)?

  static let batchSize = 5_000

  init(log: PostgresLog) { self.log = log }

  func unmixedPerson() throws -> String? { try log.unmixedPerson() }
  func rowCount(of table: LogTable) throws -> Int { try log.rowCount(of: table) }
  func forEachRow(of table: LogTable, _ body: ([TableValue]) throws -> Void) throws {
    try log.forEachRow(of: table, body)
  }

  func add(_ row: [TableValue], to table: LogTable) throws {
    if let pending, pending.table != table { try flush() }
    var batch = pending ?? (table: table, json: "[", count: 0)
    pending = nil
    if batch.count > 0 { batch.json += "," }
    batch.json += "{"
    for (index, (column, value)) in zip(table.columns, row).enumerated() {
      if index > 0 { batch.json += "," }
      batch.json += "\"\(column.name)\":"
      switch value {
      case .null: batch.json += "null"
      case .integer(let number): batch.json += String(number)
      case .text(let text): JSONString.append(text, to: &batch.json)
      }
    }
    batch.json += "}"
    batch.count += 1
    pending = batch
    if batch.count == Self.batchSize { try flush() }
  }

  /// Sends the pending rows in one statement.
  private func flush() throws {
    guard let batch = pending else { return }
    pending = nil
    let (table, columns) = (batch.table, batch.table.columns.map(\.name).joined(separator: ", "))
    var insert = PostgresStatement()
    insert += "INSERT INTO \(table.name) (\(columns))"
    if table.alwaysGenerated { insert += " OVERRIDING SYSTEM VALUE" }
    insert +=
      " SELECT \(columns) FROM json_populate_recordset(NULL::\(table.name), \(insert.bind(batch.json + "]"))::json)"
    try log.session.query(insert)
  }

  /// Sends what is pending, and moves each identity past the ids kept: the next one logged is free.
  func finish() throws {
    try flush()
    for table in LogTable.all {
      guard let identity = table.identity else { continue }
      try log.session.query(
        """
        SELECT setval(pg_get_serial_sequence('\(table.name)', '\(identity)'), coalesce(max(\(identity)), 0) + 1, false)
        FROM \(table.name)
        """)
    }
  }
}
