import Foundation
import TsheetCore

/// Why output could not be written.
package enum OutputError: UserError, Equatable {
  case unwritable(path: String, reason: String)
  case folder(path: String)
  /// The reader of a pipe went away (`tsheet list | head`): not a mistake, the run ends quietly.
  case closedPipe

  package var exitStatus: ExitStatus { .ioError }

  package var description: String {
    switch self {
    case .unwritable(let path, let reason):
      "cannot write \(path == "-" ? "to standard output" : "'\(path)'"): \(reason); check the disk, the folder "
        + "and its permissions."
    case .folder(let path): "'\(path)' is a folder; give -o the path of a file."
    case .closedPipe: "the reader of the output went away."
    }
  }
}

/// Where a command writes: standard output, or a file written as the shell's `>` writes one. A device, a pipe
/// or a FIFO is written into, a symlink is followed, and an existing file keeps its mode; a regular file (with
/// no other hard link) is replaced atomically, so that a failed write leaves it as it was.
package final class Output {
  /// Standard output, unbuffered: each write goes out at once.
  package static var standard: Output { Output(descriptor: STDOUT_FILENO, path: "-") }

  private let descriptor: Int32
  /// The path the user gave, for messages; `-` for standard output.
  private let path: String
  /// The file being written, renamed over `path` by `close()`; nil when writing in place.
  private var temporary: String?

  private init(descriptor: Int32, path: String, temporary: String? = nil) {
    self.descriptor = descriptor
    self.path = path
    self.temporary = temporary
  }

  /// Opens `path` (`-` for standard output) for writing, as `>` would.
  package static func open(_ path: String) throws(OutputError) -> Output {
    if path == "-" { return standard }
    var status = stat()
    guard lstat(path, &status) == 0 else {
      guard errno == ENOENT else { throw .unwritable(path: path, reason: Self.reason()) }
      return try replacing(path, mode: nil)  // a new file: created beside it, then moved into place
    }
    switch status.st_mode & S_IFMT {
    case S_IFDIR: throw .folder(path: path)
    case S_IFREG where status.st_nlink == 1:
      if let output = try? replacing(path, mode: status) { return output }
      return try inPlace(path)  // a folder we may not create files in, around a file we may write
    default:
      return try inPlace(path)  // a symlink, a device, a FIFO, a socket, a file with other hard links
    }
  }

  /// Opens the file `path` leads to (following symlinks) and empties it, as `>` does.
  private static func inPlace(_ path: String) throws(OutputError) -> Output {
    let descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0o666)
    guard descriptor >= 0 else {
      if errno == EISDIR { throw .folder(path: path) }
      throw .unwritable(path: path, reason: reason())
    }
    return Output(descriptor: descriptor, path: path)
  }

  /// A new file in the folder of `path`, to be renamed over it; with the mode and owner of `existing` when
  /// there is one, else with the mode the shell gives a new file (0666 less the umask).
  private static func replacing(_ path: String, mode existing: stat?) throws(OutputError) -> Output {
    let folder = path.folderPart
    let name = path.namePart
    let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).tsheet-\(UUID().uuidString.prefix(8))"
    let descriptor = Foundation.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw .unwritable(path: path, reason: reason()) }
    if let existing {
      _ = fchown(descriptor, existing.st_uid, existing.st_gid)  // only root may give a file away; fine if not
      fchmod(descriptor, existing.st_mode & 0o7777)
    }
    return Output(descriptor: descriptor, path: path, temporary: temporary)
  }

  /// Writes `text` whole.
  package func write(_ text: String) throws(OutputError) {
    var text = text
    try text.withUTF8 { bytes in Result { () throws(OutputError) in try write(UnsafeRawBufferPointer(bytes)) } }.get()
  }

  /// Writes `bytes` whole.
  package func write(_ bytes: [UInt8]) throws(OutputError) {
    try bytes.withUnsafeBytes { bytes in Result { () throws(OutputError) in try write(bytes) } }.get()
  }

  private func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
    var rest = bytes
    while !rest.isEmpty {
      let written = Foundation.write(descriptor, rest.baseAddress, rest.count)
      if written < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE { throw .closedPipe }
        throw .unwritable(path: path, reason: Self.reason())
      }
      rest = UnsafeRawBufferPointer(rebasing: rest[written...])
    }
  }

  /// Finishes the output: a replacing file takes the place of `path`. Standard output stays open.
  package func close() throws(OutputError) {
    guard descriptor != STDOUT_FILENO else { return }
    let failed = fsync(descriptor) != 0 && errno != EINVAL && errno != EROFS  // devices and pipes cannot fsync
    let reason = Self.reason()
    Foundation.close(descriptor)
    guard let temporary else {
      if failed { throw .unwritable(path: path, reason: reason) }
      return
    }
    self.temporary = nil
    if failed || rename(temporary, path) != 0 {
      let reason = failed ? reason : Self.reason()
      unlink(temporary)
      throw .unwritable(path: path, reason: reason)
    }
  }

  deinit {
    guard let temporary else { return }
    Foundation.close(descriptor)
    unlink(temporary)  // never finished: the file at `path` stays as it was
  }

  private static func reason() -> String { String(cString: strerror(errno)) }
}
