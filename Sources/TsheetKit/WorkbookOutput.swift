import Foundation
import TsheetCore
import TsheetWorkbook

/// Why a workbook was not written where it was asked to go.
package enum WorkbookOutputError: UserError, Equatable {
  case terminal

  package var exitStatus: ExitStatus { .usage }
  package var description: String {
    "an .xlsx workbook is binary, not for the terminal; write it to a file with -o FILE.xlsx (or into a pipe)."
  }
}

/// A workbook written where `-o` says, as any output is: libxlsxwriter writes to a file of its own naming, so
/// the workbook is made in a private temporary folder, then copied to the destination as the shell's `>` would
/// (a file replaced only once the workbook is whole). Never onto a terminal.
enum WorkbookOutput {
  /// Writes the workbook `fill` makes, in `language`, to `path` (`-` or nil: standard output, unless a terminal).
  static func write(to path: String?, language: Language, _ fill: (inout WorkbookWriter) throws -> Void) throws {
    if path == nil || path == "-", isatty(STDOUT_FILENO) == 1 { throw WorkbookOutputError.terminal }
    try make(language: language, fill) { input in
      let output = try Output.open(path ?? "-")
      while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
        try output.write([UInt8](chunk))
      }
      try output.close()
    }
  }

  /// The bytes of the workbook `fill` makes, in `language` (a download from `tsheet serve`).
  static func bytes(language: Language, _ fill: (inout WorkbookWriter) throws -> Void) throws -> [UInt8] {
    try make(language: language, fill) { [UInt8](try $0.readToEnd() ?? Data()) }
  }

  /// Makes the workbook in a private temporary folder, hands it to `use` open for reading, and removes it.
  private static func make<T>(
    language: Language, _ fill: (inout WorkbookWriter) throws -> Void, then use: (FileHandle) throws -> T
  ) throws -> T {
    let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array("\(base)/tsheet-xlsx-XXXXXX".utf8CString)
    guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
      throw WorkbookError.failed("no private folder can be made in \(base) (\(String(cString: strerror(errno))))")
    }
    let folder = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/workbook.xlsx"
    var writer = try WorkbookWriter(path: file, temporaryFolder: folder, language: language)
    try fill(&writer)
    try writer.close()
    guard let input = FileHandle(forReadingAtPath: file) else {
      throw WorkbookError.failed("it vanished from \(folder)")
    }
    defer { try? input.close() }
    return try use(input)
  }
}
