import PostgresNIO
import TsheetCore

extension PostgresLog {
  /// The pivot's sums (`SQLLog.pivotCells`).
  func pivotCells(matching filter: EntryFilter, rows: PivotRows, bucket: Period?, billing: BillingRules) throws
    -> [PivotCell]
  {
    try pivotCells(matching: filter, rows: rows, bucket: bucket, billing: billing) { select, _ in
      try self.rows(select)
    }
  }
}
