import Foundation
import GRDB
import TsheetCore

extension SQLiteStore {
  /// Creates the database file private to its owner before SQLite sees it: SQLite would use the umask.
  static func createFileIfMissing(at path: String) throws {
    var isDirectory: ObjCBool = false
    let files = FileManager.default
    if files.fileExists(atPath: path, isDirectory: &isDirectory) {
      if isDirectory.boolValue { throw StoreError.isDirectory(path: path) }
      return
    }
    let folder = path.folderPart
    do {
      if !folder.isEmpty {
        try files.createDirectory(
          atPath: folder, withIntermediateDirectories: true,
          attributes: [.posixPermissions: 0o700])
      }
    } catch {
      throw StoreError.cannotCreate(path: path, reason: "its folder cannot be created")
    }
    let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    if descriptor < 0 {
      if errno == EEXIST { return }  // another tsheet created it a moment ago
      throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
    }
    close(descriptor)
  }

  /// Gives the log's `-wal` and `-shm` files back the write permission the log itself has. SQLite creates
  /// them with the log's mode at that moment: opened once while the log was read-only, they stay read-only,
  /// and the log stays unwritable after `chmod 600`. Only the owner's own files are touched, never loosened
  /// beyond the log's mode.
  static func repairSidecarModes(of path: String) {
    var log = stat()
    guard stat(path, &log) == 0, log.st_mode & S_IWUSR != 0 else { return }
    for suffix in ["-wal", "-shm"] {
      var sidecar = stat()
      guard lstat(path + suffix, &sidecar) == 0, sidecar.st_mode & S_IFMT == S_IFREG,
        sidecar.st_uid == geteuid(), sidecar.st_mode & S_IWUSR == 0
      else { continue }
      chmod(path + suffix, log.st_mode & 0o666)
    }
  }

  /// What a database file holds, as far as opening it is concerned.
  enum Contents {
    /// Nothing at all, and no other program's mark (`application_id`, `user_version`): a new file, to set up.
    case empty
    /// A tsheet log, up to date and in WAL mode.
    case ready
    /// A tsheet log that lacks migrations or WAL mode.
    case behind
    /// A tsheet log (or any file) marked with a newer schema.
    case newer
    /// Another program's database, which tsheet never changes.
    case foreign
  }

  /// What the file behind `queue` holds; reads only. A log at the current version in WAL mode is told from
  /// three cheap reads, as every run opens one.
  static func contents(of queue: DatabaseQueue, migrator: DatabaseMigrator) throws -> Contents {
    try queue.read { db in
      let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
      if version > schemaVersion { return .newer }
      // Ready: every migration of this tsheet applied, and no other (a newer tsheet's).
      if version == schemaVersion, try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal",
        try Bool.fetchOne(
          db,
          sql: """
            SELECT count(*) = ? AND count(*) FILTER (WHERE identifier = ?) = 1 FROM grdb_migrations
            """, arguments: [migrator.migrations.count, migrator.migrations.last]) == true
      {
        return .ready
      }
      let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
      if objects == 0 {  // nothing yet, unless another program has marked the file as its own
        let applicationID = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        return version == 0 && applicationID == 0 ? .empty : .foreign
      }
      guard try db.tableExists("grdb_migrations"),
        try migrator.appliedIdentifiers(db).contains(migrator.migrations[0])
      else { return .foreign }
      if try migrator.hasBeenSuperseded(db) { return .newer }
      let wal = try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal"
      return try wal && migrator.hasCompletedMigrations(db) ? .ready : .behind
    }
  }

  /// The log at `path`, open, set up and up to date. A log that is not ready (new, or from an older tsheet)
  /// is looked at again under an exclusive lock, on a connection opened under that lock: another tsheet may be
  /// setting the file up at this very moment, and a connection opened before it switched the file to WAL does
  /// not see its tables.
  /// - Throws: `StoreError.newerSchema` or `.foreignDatabase`, with the file left as it was.
  static func openPrepared(at path: String, configuration: Configuration, person: String) throws -> DatabaseQueue {
    let migrator = SQLiteStore.migrator(person: person)
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    if (try? contents(of: queue, migrator: migrator)) == .ready { return queue }
    return try withExclusiveLock(on: path) {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      switch try contents(of: queue, migrator: migrator) {
      case .ready: break
      case .newer: throw StoreError.newerSchema(path: path)
      case .foreign: throw StoreError.foreignDatabase(path: path)
      case .empty, .behind:
        try queue.writeWithoutTransaction { db in
          _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        try migrator.migrate(queue)
      }
      return queue
    }
  }

  /// Runs `body` holding an advisory `flock` on the folder of `path`.
  ///
  /// Not on the database file itself: closing any descriptor of that file would drop the POSIX locks SQLite
  /// holds on it in this process, and another process could then checkpoint the WAL away under our feet.
  private static func withExclusiveLock<T>(on path: String, _ body: () throws -> T) throws -> T {
    let folder = path.folderPart
    let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw StoreError.io(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    guard flock(descriptor, LOCK_EX) == 0 else {
      throw StoreError.io(path: path, reason: String(cString: strerror(errno)))
    }
    defer { flock(descriptor, LOCK_UN) }
    return try body()
  }
}
