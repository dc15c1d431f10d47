extension SQLLog {
  func rowCount(of table: LogTable) throws -> Int {
    try integer(statement() + "SELECT count(*) AS count FROM \(table.name)", column: "count")
  }

  /// The query that reads `table`'s rows as a copy moves them: its columns in order, as `SQLStatement.copied`
  /// gives each kind.
  func tableSelect(_ table: LogTable) -> Statement {
    statement() + "SELECT "
      + table.columns.map { Statement.copied($0.name, kind: $0.kind) }.joined(separator: ", ")
      + " FROM \(table.name) ORDER BY \(table.order)"
  }
}
