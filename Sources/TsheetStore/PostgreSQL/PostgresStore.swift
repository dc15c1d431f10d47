import NIOCore
import PostgresNIO
import TsheetCore

/// A team's log on a PostgreSQL server: the same log as `SQLiteStore`'s, shared by its members. Writes hold
/// one advisory lock and follow one another, as they do on SQLite, so each use case's rules (never twice, the
/// timer, the import) hold across the team as they hold on one laptop.
package final class PostgresStore: Store {
  /// The server, as messages name it (no password).
  package let location: String
  let session: PostgresSession
  /// What the member may do on the log, as the server said when it was opened.
  let access: PostgresAccess

  /// Connects to the server `url` names, within `connectDeadline` (the URL's `connect_timeout` when nil), and
  /// brings its schema up to date. Every later call to the server has a deadline too (`PostgresSession`).
  /// - Throws: `StoreError`: `.badURL`, `.serverDown` (75), `.serverRefused` or `.tlsFailed` (69) within the
  ///   deadline, `.notPermitted` (69), `.newerSchema` or `.foreignDatabase` with the database left as it was.
  package init(url: PostgresURL, environment: [String: String], connectDeadline: Duration? = nil) throws {
    session = try PostgresSession(
      url, environment: environment,
      connectDeadline: connectDeadline.map { TimeAmount($0) })
    location = session.url
    access = try PostgresSchema.prepare(session)
  }

  package func read<T>(_ body: (any LogReader) throws -> T) throws -> T {
    try transaction(readOnly: true) { try body(PostgresLog(session: session)) }
  }

  package func write<T>(_ body: (any LogWriter) throws -> T) throws -> T {
    try writing { try body($0) }
  }

  /// Runs `body` in a write transaction holding the write lock; its changes are committed when `keeping`,
  /// else rolled back (a dry run).
  /// - Throws: `StoreError.notPermitted` before anything is sent when the member may not change the log.
  func writing<T>(keeping: Bool = true, _ body: (PostgresLog) throws -> T) throws -> T {
    if !access.unwritable.isEmpty {
      throw access.refusal("change", access.unwritable, url: location)
    }
    return try transaction(readOnly: false, keeping: keeping) {
      try session.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.writeLock))")
      return try body(PostgresLog(session: session))
    }
  }

  /// Reads a page of entries at a time, in one snapshot: memory stays flat however many there are.
  package func forEachEntry(matching filter: EntryFilter, _ body: (Entry) throws -> Void) throws {
    try transaction(readOnly: true) {
      let log = PostgresLog(session: session)
      var last: Int64 = 0
      while true {
        var page = log.entrySelect(minutes: "e.minutes")
        var conditions = try log.whereClause(for: filter, in: &page)
        conditions += (conditions.isEmpty ? " WHERE " : " AND ") + "e.id > " + page.bind(last)
        page += conditions + " ORDER BY e.id LIMIT \(Self.pageSize)"
        let entries = try log.entries(page)
        for entry in entries { try body(entry) }
        guard entries.count == Self.pageSize, let next = entries.last?.id else { return }
        last = next
      }
    }
  }

  /// Entries read at a time by `forEachEntry`.
  static let pageSize = 5_000

  /// Runs `body` in a transaction (a read-only snapshot when `readOnly`) committed when `keeping`, else
  /// rolled back; rolled back when it throws.
  /// - Throws: `StoreError.commitUnknown` when the server is lost during a write's COMMIT, which it may or may
  ///   not have carried out.
  func transaction<T>(readOnly: Bool, keeping: Bool = true, _ body: () throws -> T) throws -> T {
    try session.query(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY" : "BEGIN")
    let result: T
    do {
      result = try body()
    } catch {
      _ = try? session.query("ROLLBACK")
      throw error
    }
    do {
      try session.query(keeping ? "COMMIT" : "ROLLBACK")
    } catch StoreError.serverDown where keeping && !readOnly {
      throw StoreError.commitUnknown(url: location)
    }
    return result
  }
}
