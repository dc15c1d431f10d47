import GRDB
import TsheetCore

extension SQLiteLog {
  /// The pivot's sums (`SQLLog.pivotCells`). Reading entry after entry in index order comes back to the same
  /// inner B-tree pages: SQLite's usual cache keeps them, where the store's small one (`SQLiteStore.cacheKiB`)
  /// would read them again.
  func pivotCells(matching filter: EntryFilter, rows: PivotRows, bucket: Period?, billing: BillingRules) throws
    -> [PivotCell]
  {
    try pivotCells(matching: filter, rows: rows, bucket: bucket, billing: billing) { select, table in
      if table == "entry" { try db.execute(sql: "PRAGMA cache_size = -\(SQLiteStore.revisitingCacheKiB)") }
      return try self.rows(select)
    }
  }
}
