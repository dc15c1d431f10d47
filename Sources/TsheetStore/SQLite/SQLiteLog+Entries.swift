import GRDB
import TsheetCore

extension SQLiteLog {
  /// Calls `body` with every entry matching `filter` in the order they were logged, reading as it goes.
  func forEachEntry(matching filter: EntryFilter, _ body: (Entry) throws -> Void) throws {
    var select = entrySelect(minutes: "e.minutes")
    let conditions = try whereClause(for: filter, in: &select)
    select += conditions + " ORDER BY e.id"
    let cursor = try EntryRow.fetchCursor(db, sql: select.sql, arguments: select.arguments)
    while let row = try cursor.next() { try body(row.entry) }
  }
}
