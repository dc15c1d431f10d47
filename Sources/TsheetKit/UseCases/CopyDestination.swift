import Foundation
import TsheetCore
import TsheetStore

/// Where a copy goes, looked at before anything is opened: a `postgres://` URL, a new file, or an existing
/// regular file that is not the source. A folder, a symbolic link, a device, a FIFO or a socket is refused
/// (SQLite would write through a link, and a device is no log).
struct CopyDestination {
  let path: String
  /// Whether the copy makes the file: it is removed again when the copy fails.
  let isNew: Bool

  /// - Throws: `CopyError.noSource`, `.sameLog` or `.notAFile`.
  init(_ destination: String, source: String, context: Context) throws {
    path = destination
    let sourceIsURL = PostgresURL.isURL(source)
    var sourceFile = stat()
    if !sourceIsURL, stat(source, &sourceFile) != 0 { throw CopyError.noSource(path: source) }
    guard !PostgresURL.isURL(destination) else {
      isNew = false
      if sourceIsURL, try Self.sameDatabase(context.postgresURL(source), context.postgresURL(destination)) {
        throw CopyError.sameLog(path: destination)
      }
      return
    }
    if !sourceIsURL, Self.isCompanion(destination, of: source) { throw CopyError.sameLog(path: destination) }
    var file = stat()
    guard lstat(destination, &file) == 0 else {
      isNew = true
      return
    }
    isNew = false
    switch file.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw CopyError.notAFile(path: destination, kind: "a folder")
    case S_IFLNK: throw CopyError.notAFile(path: destination, kind: "a symbolic link")
    case S_IFCHR, S_IFBLK: throw CopyError.notAFile(path: destination, kind: "a device")
    case S_IFIFO: throw CopyError.notAFile(path: destination, kind: "a FIFO")
    default: throw CopyError.notAFile(path: destination, kind: "a socket")
    }
    if !sourceIsURL, file.st_dev == sourceFile.st_dev, file.st_ino == sourceFile.st_ino {
      throw CopyError.sameLog(path: destination)
    }
  }

  /// Removes the file and SQLite's companions, when the copy made it.
  func removeIfMade() {
    guard isNew else { return }
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
  }

  /// Whether `path` names one of the files SQLite keeps beside the log `source` (`-wal`, `-shm`, `-journal`),
  /// which SQLite would take as the source's own and remove.
  private static func isCompanion(_ path: String, of source: String) -> Bool {
    guard let folder = realPath(path.folderPart.isEmpty ? "." : path.folderPart), let log = realPath(source) else {
      return false
    }
    let resolved = (folder == "/" ? "" : folder) + "/" + path.namePart
    return ["-wal", "-shm", "-journal"].contains { resolved == log + $0 }
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Whether two URLs name one database: the same server and port (its name as written), the same database.
  private static func sameDatabase(_ one: PostgresURL, _ other: PostgresURL) -> Bool {
    one.host.lowercased() == other.host.lowercased() && one.port == other.port && one.database == other.database
  }
}
