import Foundation
import GRDB
import TsheetCore

/// The log in one SQLite file (a person's log): the one type that owns the SQLite connection.
package struct SQLiteStore: Store {
  /// The database file's path, as the user gave it.
  package let location: String
  let queue: DatabaseQueue

  /// Opens the log at `path`, creating it (mode 0600, with its folders) and migrating its schema as needed;
  /// entries from before entries named a person become `person`'s.
  /// - Throws: `StoreError` when the path is a folder, cannot be created, is not SQLite, is another program's
  ///   database, or was written by a newer tsheet; in each case the file is left as it was.
  package init(path: String, person: String) throws {
    location = path
    try SQLiteStore.createFileIfMissing(at: path)
    SQLiteStore.repairSidecarModes(of: path)
    do {
      var configuration = Configuration()
      configuration.busyMode = .timeout(10)
      configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -\(SQLiteStore.cacheKiB)") }
      queue = try SQLiteStore.openPrepared(at: path, configuration: configuration, person: person)
    } catch {
      throw StoreError.translating(error, path: path)
    }
  }

  /// An empty log in memory that refuses every write (`PRAGMA query_only`), standing for the log at `path`
  /// that does not exist yet, for commands that only read.
  package init(emptyAt path: String, person: String) throws {
    location = path
    do {
      queue = try DatabaseQueue()
      try SQLiteStore.migrator(person: person).migrate(queue)
      try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = ON") }
    } catch {
      throw StoreError.translating(error, path: path)
    }
  }

  /// SQLite's page cache, in KiB, smaller than its default (2,000): a run lives for milliseconds and reads
  /// most pages once, so a big cache only costs memory to fault in (the README has the figures).
  static let cacheKiB = 256

  /// SQLite's own cache size: for a pivot that reads entry after entry (and so comes back to the same inner
  /// pages), and for an import's index builds (each sorter thread sorts as much in memory).
  static let revisitingCacheKiB = 2000

  package func read<T>(_ body: (any LogReader) throws -> T) throws -> T {
    try translatingErrors { try queue.read { try body(SQLiteLog(db: $0)) } }
  }

  package func write<T>(_ body: (any LogWriter) throws -> T) throws -> T {
    try translatingErrors { try queue.write { try body(SQLiteLog(db: $0)) } }
  }

  package func forEachEntry(matching filter: EntryFilter, _ body: (Entry) throws -> Void) throws {
    try translatingErrors { try queue.read { try SQLiteLog(db: $0).forEachEntry(matching: filter, body) } }
  }

  /// Runs `body`, translating SQLite's errors into the user's.
  func translatingErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch { throw StoreError.translating(error, path: location) }
  }
}
