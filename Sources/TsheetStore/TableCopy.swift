/// A log read table by table, in one read transaction: what `tsheet copy` reads.
package protocol TableReader {
  /// The person whose import keys were stored without a person (`ImportKey.fingerprint`): on SQLite, the
  /// person of the entries from before entries named one; none on PostgreSQL.
  func unmixedPerson() throws -> String?

  /// How many rows `table` holds.
  func rowCount(of table: LogTable) throws -> Int

  /// Calls `body` with every row of `table` in its key's order, the values in the table's column order,
  /// reading as it goes: memory stays flat however many rows there are.
  func forEachRow(of table: LogTable, _ body: ([TableValue]) throws -> Void) throws
}

/// A log written table by table, in one write transaction: what `tsheet copy` writes.
package protocol TableWriter: TableReader {
  /// Adds `row` to `table` as it is, its ids too. The rows of a table come after those of the tables it
  /// refers to (`LogTable.all`'s order).
  func add(_ row: [TableValue], to table: LogTable) throws
}

extension TableWriter {
  /// The tables that hold rows, with how many: none when the log is empty.
  package func heldRows() throws -> [(LogTable, Int)] {
    try LogTable.all.map { ($0, try rowCount(of: $0)) }.filter { $0.1 > 0 }
  }

  /// Adds every row of every table of `source` as it is, table after table (`LogTable.all`), reading as it
  /// writes; `progress` hears the rows copied so far every `step` rows and at the end.
  /// - Returns: how many rows of each table were copied, in `LogTable.all`'s order.
  package func copyRows(from source: any TableReader, step: Int, progress: (Int) -> Void) throws -> [(LogTable, Int)] {
    var copied: [(LogTable, Int)] = []
    var rows = 0
    for table in LogTable.all {
      var count = 0
      try source.forEachRow(of: table) { row in
        try add(row, to: table)
        count += 1
        rows += 1
        if rows % step == 0 { progress(rows) }
      }
      copied.append((table, count))
    }
    progress(rows)
    return copied
  }
}
