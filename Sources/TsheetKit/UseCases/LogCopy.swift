import Foundation
import TsheetCore
import TsheetStore

/// `tsheet copy`: the whole log (`LogTable.all`) into an empty one, on either engine, in one write transaction
/// on the destination while one read transaction holds the source still.
package struct LogCopy: UseCase {
  let context: Context
  let store: any Store

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
  }

  /// Rows between two calls of `progress`.
  static let progressStep = 10_000

  /// Copies every row of the log into the log at `destination` (a path or a `postgres://` URL), which must
  /// be empty, keeping ids; `progress` hears the rows copied so far. When the method returns, the destination
  /// holds what the log holds; when it throws, the destination holds nothing of it, and a file it made is
  /// removed.
  /// - Returns: the destination as messages name it, and how many rows of each table were copied.
  /// - Throws: `CopyError` for a source or destination that cannot be used, or a row the destination refuses;
  ///   `StoreError` when either log cannot be opened or the server is lost.
  package func copy(to destination: String, progress: (Int) -> Void) throws -> CopyOutcome {
    let target = try CopyDestination(destination, source: context.databasePath, context: context)
    do {
      return try store.readTables { source in
        let person = try source.unmixedPerson() ?? context.logOwner
        let log: any Store
        do {
          log = try context.openStore(at: destination, person: person)
        } catch StoreError.notADatabase(let path), StoreError.foreignDatabase(let path) {
          throw CopyError.notALog(path: path)
        }
        do {
          let copied = try log.writeTables { writer in
            let held = try writer.heldRows()
            guard held.isEmpty else { throw CopyError.notEmpty(destination: log.location, holding: held) }
            return try writer.copyRows(from: source, step: Self.progressStep, progress: progress)
          }
          return CopyOutcome(destination: log.location, copied: copied)
        } catch StoreError.unexpectedShape(let path, let reason) where path == log.location {
          throw CopyError.refused(destination: log.location, reason: reason)
        }
      }
    } catch {
      target.removeIfMade()
      throw error
    }
  }
}

/// What a copy did.
package struct CopyOutcome {
  /// The destination as messages name it (a URL without its password).
  package var destination: String
  /// How many rows of each table were copied, in `LogTable.all`'s order.
  package var copied: [(LogTable, Int)]
}

/// Why a copy was refused or failed; the destination holds nothing of it.
package enum CopyError: UserError {
  /// No log at the source's path: there is nothing to copy.
  case noSource(path: String)
  /// `--to` names the log being copied.
  case sameLog(path: String)
  /// `--to` names something that is not a file to write a log into: a folder, a link, a device.
  case notAFile(path: String, kind: String)
  /// `--to` names a file or database that holds something else than a tsheet log.
  case notALog(path: String)
  /// The destination holds rows already.
  case notEmpty(destination: String, holding: [(LogTable, Int)])
  /// The destination refused a row of the source (a value its schema does not allow).
  case refused(destination: String, reason: String)

  package var exitStatus: ExitStatus {
    switch self {
    case .noSource: .noInput
    case .sameLog: .usage
    case .notAFile, .notALog, .notEmpty: .cannotCreate
    case .refused: .dataError
    }
  }

  package var description: String {
    switch self {
    case .noSource(let path):
      "there is no log at '\(path.echoed(limit: 200))'; name the log to copy with --db or TSHEET_DB."
    case .sameLog(let path):
      "'\(path.echoed(limit: 200))' is the log being copied; give --to another file or database."
    case .notAFile(let path, let kind):
      "'\(path.echoed(limit: 200))' is \(kind), not a log; give --to the path of a new file (nothing was changed)."
    case .notALog(let path):
      "\(path.echoed(limit: 200)) holds something else than a tsheet log; give --to a new file or an empty log (nothing was changed)."
    case .notEmpty(let destination, let holding):
      "\(destination.echoed(limit: 200)) holds \(LogTable.listed(holding)); copy into an empty log (nothing was changed)."
    case .refused(let destination, let reason):
      "\(destination.echoed(limit: 200)) refused a row of the log (the database says: \(reason.echoed(limit: 120))); "
        + "nothing was copied: correct the row and copy again."
    }
  }
}

extension LogTable {
  /// Counts of tables as a person lists them: "3 clients, 2 recipients and 120 entries".
  package static func listed(_ counts: [(LogTable, Int)]) -> String {
    let words = counts.map { $0.0.counted($0.1) }
    guard let last = words.last else { return "nothing" }
    return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " and " + last
  }
}
