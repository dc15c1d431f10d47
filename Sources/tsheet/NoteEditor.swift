import Foundation
import TsheetCore

/// Opens the user's editor on a temporary file and returns the note written in it, without `#` lines.
struct NoteEditor {
  let editor: String

  func compose() throws -> String? {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tsheet-note-\(UUID().uuidString).txt")
      .path
    let prompt = "\n# Write a personal paragraph for the top of the email; lines starting with # are left out.\n"
    guard
      FileManager.default.createFile(
        atPath: path, contents: Data(prompt.utf8),
        attributes: [.posixPermissions: 0o600])
    else {
      throw NoteError.noTemporaryFile(path: path)
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "\(editor) \"$1\"", "sh", path]
    do { try process.run() } catch { throw NoteError.editorFailed(editor: editor) }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw NoteError.editorFailed(editor: editor) }
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    let note = text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("#") }.joined(separator: "\n").trimmed
    return note.isEmpty ? nil : note
  }
}

/// Why the note could not be written in the editor.
enum NoteError: UserError {
  case noTemporaryFile(path: String)
  case editorFailed(editor: String)

  var exitStatus: ExitStatus {
    switch self {
    case .noTemporaryFile: .ioError
    case .editorFailed: .unavailable
    }
  }

  var description: String {
    switch self {
    case .noTemporaryFile(let path): "cannot create '\(path)' for the note; check TMPDIR, or use --note."
    case .editorFailed(let editor): "the editor '\(editor)' failed; set EDITOR to a program that works, or use --note."
    }
  }
}
