import Foundation
import GRDB
import TsheetCore

extension SQLiteStore {
  /// What `tsheet doctor` finds of the log at `path`: whether it is private, what it holds, whether it can be
  /// read, written and brought up to date, and whether SQLite finds it whole. Nothing is created or changed.
  package static func checkUp(path: String) -> [Checkup] {
    var file = stat()
    guard stat(path, &file) == 0 else {
      let reason = String(cString: strerror(errno))
      guard errno == ENOENT else {
        return [
          .failed(
            "log", "'\(path.echoed(limit: 300))' cannot be looked at (\(reason)); check the folders' permissions",
            .ioError)
        ]
      }
      return access(nearestFolder(of: path), W_OK | X_OK) == 0
        ? [.warning("log", "there is no log at '\(path.echoed(limit: 300))' yet: the first 'tsheet log' makes it")]
        : [
          .failed(
            "log",
            "there is no log at '\(path.echoed(limit: 300))', and its folder cannot be made or written: choose another place with --db or TSHEET_DB",
            .ioError)
        ]
    }
    switch file.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return [.failed("log", StoreError.isDirectory(path: path).description, .usage)]
    default:
      return [
        .failed(
          "log", "'\(path.echoed(limit: 300))' is not a file (a device or a pipe); give --db the path of a log",
          .noInput)
      ]
    }
    var checks = [privacy(of: file, path: path)]
    guard access(path, R_OK) == 0 else {
      return checks + [.failed("read", "you may not read '\(path.echoed(limit: 300))': chmod u+r it", .ioError)]
    }
    let writable = access(path, W_OK) == 0 && access(nearestFolder(of: path), W_OK | X_OK) == 0
    do {
      let queue = try unchanging(path)
      var contents = try SQLiteStore.contents(of: queue, migrator: migrator(person: ""))
      // Read as immutable, a log reports no WAL mode: at this tsheet's version, it is ready.
      if contents == .behind, try queue.read({ try Int.fetchOne($0, sql: "PRAGMA user_version") }) == schemaVersion {
        contents = .ready
      }
      switch contents {
      case .foreign: return checks + [.failed("read", StoreError.foreignDatabase(path: path).description, .dataError)]
      case .newer: return checks + [.failed("schema", StoreError.newerSchema(path: path).description, .dataError)]
      case .empty, .ready, .behind: break
      }
      checks.append(.ok("read", try summary(of: queue, contents: contents)))
      checks.append(
        writable
          ? .ok("write", "the file and its folder can be written")
          : .failed("write", StoreError.readOnly(path: path).description, .ioError))
      checks.append(schema(contents, writable: writable))
      checks.append(try integrity(of: queue))
    } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_CORRUPT {
      checks.append(damaged(error.message ?? "\(error.resultCode)"))
    } catch {
      let translated = StoreError.translating(error, path: path)
      checks.append(.failed("read", "\(translated)", (translated as? any UserError)?.exitStatus ?? .ioError))
    }
    return checks
  }

  /// The log at `path`, opened to read without leaving a mark: immutable (no lock, no `-wal` or `-shm` made)
  /// when no `-wal` file holds changes the file itself lacks; read-only else, as those files are there already.
  private static func unchanging(_ path: String) throws -> DatabaseQueue {
    var configuration = Configuration()
    configuration.readonly = true
    guard access(path + "-wal", F_OK) != 0 else { return try DatabaseQueue(path: path, configuration: configuration) }
    var uri = "file:"
    for character in path.unicodeScalars {
      uri += "%?#".unicodeScalars.contains(character) ? "%" + String(character.value, radix: 16) : String(character)
    }
    return try DatabaseQueue(path: uri + "?immutable=1", configuration: configuration)
  }

  private static func damaged(_ reason: String) -> Checkup {
    .failed(
      "integrity", "SQLite finds the log damaged (\(reason.echoed(limit: 80))): restore it from a backup", .dataError)
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
      ? .ok("integrity", "SQLite's quick_check finds nothing wrong") : damaged(verdict.first ?? "")
  }

  /// The folder of `path`, or its nearest ancestor that exists: where the log or its folders would be made.
  private static func nearestFolder(of path: String) -> String {
    var folder = path.folderPart
    while !folder.isEmpty, folder != "/", access(folder, F_OK) != 0 {
      folder = folder.folderPart
    }
    return folder.isEmpty ? "." : folder
  }
}
