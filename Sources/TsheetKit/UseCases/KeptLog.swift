import Foundation
import TsheetStore

/// The log a long-running reader (`tsheet serve`) reads page after page. A team's server is connected to once
/// and the connection kept: opening it (connecting, the access check, the schema's version) was 20 ms of every
/// page. A file is opened for each use, as a command opens it: as cheap, and never a log that no longer is the
/// one at the path. Uses take turns on a kept connection; a use that fails drops it, and one that finds it gone
/// (the server restarted, or closed a connection left idle) connects again.
package final class KeptLog: @unchecked Sendable {
  private let context: Context
  private let lock = NSLock()
  /// The kept connection to a team's server; guarded by `lock`.
  private var kept: (any Store)?

  package init(_ context: Context) {
    self.context = context
  }

  /// What `body` makes of the log, opened for reading only (`UseCase.init(readingOnly:)`). When the kept
  /// connection turns out to be gone, `body` runs again once on a new one: it only reads.
  package func reading<T>(_ body: (any Store) throws -> T) throws -> T {
    guard PostgresURL.isURL(context.databasePath) else { return try body(context.openStoreForReading()) }
    return try lock.withLock {
      if let store = kept {
        do {
          return try body(store)
        } catch {
          kept = nil
          guard case StoreError.serverDown = error else { throw error }
        }
      }
      let store = try context.openStoreForReading()
      let result = try body(store)
      kept = store
      return result
    }
  }
}
