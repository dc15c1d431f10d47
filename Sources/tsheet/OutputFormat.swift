import ArgumentParser
import TsheetCore
import TsheetKit

/// A form a command writes, which the extension of `-o`'s file name can name: `report -o 2026.xlsx` writes a
/// workbook without `--format xlsx`.
protocol OutputFormat: RawRepresentable<String>, CaseIterable {
  /// Whether a file in this form is named with the form's name as its extension (`.csv`); false for the forms
  /// made for a terminal (`table`, `text`).
  var isFile: Bool { get }
}

extension ExportFormat: OutputFormat {
  var isFile: Bool { true }
}

extension ReportFormat: OutputFormat {
  var isFile: Bool { self != .table }
}

extension TimesheetFormat: OutputFormat {
  var isFile: Bool { self == .html || self == .eml }
}

extension OutputOptions {
  /// The extensions of every file tsheet writes, in any command.
  static let tsheetExtensions: Set = ["csv", "json", "ndjson", "md", "html", "eml", "xlsx"]

  /// The form to write: `asked` (`--format`), else the one the output file's extension names, else `fallback`.
  /// - Throws: `ValidationError` when the file is named `.xls`, which tsheet never writes; when `--format`
  ///   contradicts the extension of a file tsheet writes; or when that extension names a form `command` does
  ///   not write. Another extension (`.txt`) names nothing: the form is `asked`, else `fallback`.
  func format<Format: OutputFormat>(_ asked: Format?, default fallback: Format, command: String) throws -> Format {
    guard let output, let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else {
      return asked ?? fallback
    }
    let named = output[output.index(after: dot)...].lowercased()
    if named == "xls" {
      throw ValidationError(
        "tsheet writes no .xls (the Excel 97 format); name the file .xlsx, which every spreadsheet opens.")
    }
    guard Self.tsheetExtensions.contains(named) else { return asked ?? fallback }
    let fitting = Format.allCases.first { $0.isFile && $0.rawValue == named }
    if let asked, asked.rawValue != named {
      let fix = asked.isFile ? "name it .\(asked.rawValue), or drop --format" : "drop --format \(asked.rawValue)"
      throw ValidationError("'\(output.echoed())' names a .\(named) file, not \(asked.rawValue); \(fix).")
    }
    guard let fitting else {
      let names = Format.allCases.filter(\.isFile).map { "." + $0.rawValue }
      let list =
        names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1] : names.joined()
      throw ValidationError("\(command) writes no .\(named) file; name it \(list).")
    }
    return fitting
  }
}
