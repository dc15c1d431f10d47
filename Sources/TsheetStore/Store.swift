import Foundation
import GRDB
import TsheetCore

/// The activity log on disk: the one type that owns the SQLite connection and holds the SQL.
///
/// Each write method runs one transaction that keeps the log consistent; on any error nothing is changed.
package struct Store: Sendable {
    /// The database file's path, as the user gave it.
    package let path: String
    let queue: DatabaseQueue

    /// Opens the log at `path`, creating it (mode 0600, with its folders) and migrating its schema as needed.
    ///
    /// - Throws: `StoreError` when the path is a folder, cannot be created, is not SQLite, or was written by a
    ///   newer tsheet; in each case the file is left as it was.
    package init(path: String) throws {
        self.path = path
        try Store.createFileIfMissing(at: path)
        Store.repairSidecarModes(of: path)
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -\(Store.cacheKiB)") }
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Store.prepare(queue, path: path)
        } catch {
            throw StoreError.translating(error, path: path)
        }
    }

    /// SQLite's page cache, in KiB: 256 rather than its 2,000. A run lives for milliseconds and reads most pages
    /// once, so a big cache only costs memory to fault in: `list` and `week` on a million entries run ~15% faster.
    static let cacheKiB = 256

    /// SQLite's own cache size: for a pivot that reads entry after entry (and so comes back to the same inner
    /// pages), and for an import's index builds (each sorter thread sorts as much in memory).
    static let revisitingCacheKiB = 2000

    /// Runs `body` on the connection, translating SQLite's errors into the user's.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch { throw StoreError.translating(error, path: path) }
    }

    /// Runs `body` in one immediate transaction, translating SQLite's errors into the user's.
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.write(body) } catch { throw StoreError.translating(error, path: path) }
    }

    /// Gives the log's `-wal` and `-shm` files back the write permission the log itself has. SQLite creates
    /// them with the log's mode at that moment: opened once while the log was read-only, they stay read-only,
    /// and the log stays unwritable after `chmod 600`. Only the owner's own files are touched, never loosened
    /// beyond the log's mode.
    private static func repairSidecarModes(of path: String) {
        var log = stat()
        guard stat(path, &log) == 0, log.st_mode & S_IWUSR != 0 else { return }
        for suffix in ["-wal", "-shm"] {
            var sidecar = stat()
            guard lstat(path + suffix, &sidecar) == 0, sidecar.st_mode & S_IFMT == S_IFREG,
                  sidecar.st_uid == geteuid(), sidecar.st_mode & S_IWUSR == 0 else { continue }
            chmod(path + suffix, log.st_mode & 0o666)
        }
    }

    /// Creates the database file private to its owner before SQLite sees it: SQLite would use the umask.
    private static func createFileIfMissing(at path: String) throws {
        var isDirectory: ObjCBool = false
        let files = FileManager.default
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw StoreError.isDirectory(path: path) }
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty {
                try files.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                          attributes: [.posixPermissions: 0o700])
            }
        } catch {
            throw StoreError.cannotCreate(path: path, reason: "its folder cannot be created")
        }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            if errno == EEXIST { return } // another tsheet created it a moment ago
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
    }
}
