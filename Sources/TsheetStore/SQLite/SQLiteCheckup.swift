import Foundation
import GRDB
import TsheetCore

extension SQLiteStore {
  /// What `tsheet doctor` finds of the log at `path`: whether it is private, what it holds, whether it can be
  /// read, written and brought up to date, and whether SQLite finds it whole. Nothing is created or changed.
  package static func checkUp(path: String) -> [Checkup] {
    var file = stat()
    guard stat(path, &file) == 0 else {
      if errno == ENOENT {
        return [.warning("log", "there is no log at '\(path.echoed(limit: 300))' yet: the first 'tsheet log' makes it")]
      }
      return [
        .failed(
          "log", "'\(path.echoed(limit: 300))' cannot be looked at: \(String(cString: strerror(errno)))", .ioError)
      ]
    }
    guard file.st_mode & S_IFMT == S_IFREG else {
      return [.failed("log", StoreError.isDirectory(path: path).description, .usage)]
    }
    var checks = [privacy(of: file, path: path)]
    do {
      var configuration = Configuration()
      configuration.readonly = true
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      let contents = try SQLiteStore.contents(of: queue, migrator: migrator(person: ""))
      switch contents {
      case .foreign: return checks + [.failed("read", StoreError.foreignDatabase(path: path).description, .dataError)]
      case .newer: return checks + [.failed("schema", StoreError.newerSchema(path: path).description, .dataError)]
      case .empty, .ready, .behind: break
      }
      checks.append(.ok("read", try summary(of: queue, contents: contents)))
      let writable = access(path, W_OK) == 0 && access(folder(of: path), W_OK | X_OK) == 0
      checks.append(
        writable
          ? .ok("write", "the file and its folder can be written")
          : .failed("write", StoreError.readOnly(path: path).description, .ioError))
      checks.append(schema(contents, writable: writable))
      checks.append(try integrity(of: queue))
    } catch {
      let translated = StoreError.translating(error, path: path)
      checks.append(.failed("read", "\(translated)", (translated as? any UserError)?.exitStatus ?? .ioError))
    }
    return checks
  }

  private static func privacy(of file: stat, path: String) -> Checkup {
    let mode = String(file.st_mode & 0o777, radix: 8)
    if file.st_uid != geteuid() {
      return .warning(
        "private", "'\(path.echoed(limit: 300))' belongs to another user (uid \(file.st_uid)); use a log of your own")
    }
    return file.st_mode & 0o077 == 0
      ? .ok("private", "only you can read it (mode \(mode))")
      : .warning("private", "others can read it (mode \(mode)): chmod 600 '\(path.echoed(limit: 300))'")
  }

  private static func summary(of queue: DatabaseQueue, contents: Contents) throws -> String {
    guard contents != .empty else { return "an empty file: the first command that writes sets it up" }
    return try queue.read { db in
      let entries = try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") ?? 0
      let clients = try Int.fetchOne(db, sql: "SELECT count(*) FROM client") ?? 0
      return "\(entries) \(entries == 1 ? "entry" : "entries"), \(clients) \(clients == 1 ? "client" : "clients")"
    }
  }

  private static func schema(_ contents: Contents, writable: Bool) -> Checkup {
    switch contents {
    case .ready: return .ok("schema", "version \(schemaVersion), this tsheet's")
    case .behind, .empty:
      return writable
        ? .ok("schema", "older than this tsheet's (version \(schemaVersion)): the next command that writes updates it")
        : .failed(
          "schema",
          "older than this tsheet's, and it cannot be written to update it: chmod u+w the file and its folder", .ioError
        )
    case .newer, .foreign: return .failed("schema", StoreError.newerSchema(path: "").description, .dataError)
    }
  }

  private static func integrity(of queue: DatabaseQueue) throws -> Checkup {
    let verdict = try queue.read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
    return verdict == ["ok"]
      ? .ok("integrity", "SQLite's quick_check finds nothing wrong")
      : .failed(
        "integrity", "SQLite finds damage (\((verdict.first ?? "").echoed(limit: 80))): restore the log from a backup",
        .dataError)
  }

  private static func folder(of path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }
}
