import TsheetCore

/// The log, on whichever engine keeps it: what the use cases ask of it, in the domain's words. Each engine
/// implements it whole (`SQLiteStore` for a person's log, `PostgresStore` for a team's); nothing outside this
/// module sees SQL.
package protocol Store: Sendable {
  /// Where the log is, as the user named it (a path or a URL), for messages.
  var location: String { get }

  /// Runs `body` in one read transaction: every read in it sees the same log.
  func read<T>(_ body: (any LogReader) throws -> T) throws -> T

  /// Runs `body` in one write transaction. When it returns, all of `body`'s changes are in the log; when it
  /// throws, none is.
  func write<T>(_ body: (any LogWriter) throws -> T) throws -> T

  /// Calls `body` with every entry matching `filter`, in the order they were logged (by id), reading as it
  /// goes: memory stays flat however many entries there are.
  func forEachEntry(matching filter: EntryFilter, _ body: (Entry) throws -> Void) throws

  /// Runs `body` in one read transaction that reads the log table by table (`LogTable`): a copy's source.
  func readTables<T>(_ body: (any TableReader) throws -> T) throws -> T

  /// Runs `body` in one write transaction that adds rows to the log's tables as they come, ids included: a
  /// copy's destination. The daily totals are counted from the entries at the end, and the ids the log gives
  /// next follow the ones kept. When the method returns, every row is in the log; when `body` throws, none is.
  func writeTables<T>(_ body: (any TableWriter) throws -> T) throws -> T

  /// Adds the entries `body` hands to `add` (each with the id it had, kept when it is free) in one
  /// transaction, never twice: a row an earlier import brought is skipped (counted apart when the log no longer
  /// holds its entry as it came), and so is a row whose id holds the very same entry (a log's own export,
  /// brought back); identical rows within one import are distinct entries. When the method returns, every row is in the log, or (when `body` throws, or for a dry run) none.
  /// `body` may run on a thread of its own, reading while the rows are written; it has returned when this does.
  /// - Returns: what was added, or would have been on a dry run.
  func importEntries(
    dryRun: Bool, _ body: @escaping @Sendable (_ add: (NewEntry, Int64?) throws -> Void) throws -> Void
  )
    throws -> ImportSummary
}

/// What an import added, by client name, and what it skipped: rows the log holds already, and rows an earlier
/// import brought whose entries the log no longer holds as they came (removed or changed since).
package struct ImportSummary: Sendable, Equatable {
  package var added: [String: Int] = [:]
  /// Rows the log holds: an entry with the same content (or the row's id holding the very same entry).
  package var skipped = 0
  /// Rows an earlier import brought, whose entries were removed or changed since: not brought again.
  package var goneSince = 0

  package init(added: [String: Int] = [:], skipped: Int = 0, goneSince: Int = 0) {
    self.added = added
    self.skipped = skipped
    self.goneSince = goneSince
  }

  package var total: Int { added.values.reduce(0, +) }
}
