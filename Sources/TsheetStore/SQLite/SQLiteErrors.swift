import GRDB
import TsheetCore

extension StoreError {
  /// The user's view of a database error on the file at `path`; errors that are not SQLite's pass through.
  static func translating(_ error: any Error, path: String) -> any Error {
    guard let error = error as? DatabaseError else { return error }
    switch error.resultCode.primaryResultCode {
    case .SQLITE_NOTADB, .SQLITE_CORRUPT: return StoreError.notADatabase(path: path)
    case .SQLITE_READONLY, .SQLITE_PERM: return StoreError.readOnly(path: path)
    case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path)
    case .SQLITE_CANTOPEN: return StoreError.cannotCreate(path: path, reason: "SQLite cannot open it")
    case .SQLITE_IOERR, .SQLITE_FULL: return StoreError.io(path: path, reason: error.message ?? "I/O error")
    default: return StoreError.unexpectedShape(path: path, reason: error.message ?? "\(error.resultCode)")
    }
  }
}
