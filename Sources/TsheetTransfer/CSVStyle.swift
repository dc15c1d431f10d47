import TsheetCore

/// How CSV is written: RFC 4180 for scripts, or shaped for a spreadsheet in the user's language (`--excel`).
///
/// A spreadsheet's import dialog may split on every separator it knows at once (LibreOffice ticks tab, comma
/// and semicolon by default), so a spreadsheet file quotes every field holding any of them, or a quote or a
/// line break; its text cells that a spreadsheet would run as formulas are made inert; it starts with a UTF-8
/// byte order mark and writes hours with the language's decimal separator.
package struct CSVStyle: Sendable, Equatable {
  /// `,` or, in a Spanish spreadsheet, `;`.
  package var separator: UInt8
  /// `.` or, in a Spanish spreadsheet, `,`.
  package var decimalSeparator: Character
  package var isSpreadsheet: Bool

  /// RFC 4180: commas, dots, fields quoted only when they must be.
  package static let plain = CSVStyle(separator: UInt8(ascii: ","), decimalSeparator: ".", isSpreadsheet: false)

  /// For a spreadsheet in `language`: `;` and a decimal comma in Spanish, `,` and a dot in English.
  package static func spreadsheet(_ language: Language) -> CSVStyle {
    language == .es
      ? CSVStyle(separator: UInt8(ascii: ";"), decimalSeparator: ",", isSpreadsheet: true)
      : CSVStyle(separator: UInt8(ascii: ","), decimalSeparator: ".", isSpreadsheet: true)
  }

  /// What a file in this style starts with: a byte order mark for a spreadsheet.
  package var preamble: [UInt8] { isSpreadsheet ? [0xEF, 0xBB, 0xBF] : [] }

  /// Whether `byte` makes a field need quotes.
  func needsQuotes(_ byte: UInt8) -> Bool {
    switch byte {
    case separator, UInt8(ascii: "\""), 10, 13: true
    case UInt8(ascii: ","), UInt8(ascii: ";"), 9: isSpreadsheet
    default: false
    }
  }

  /// Appends a cell of text a person typed: in a spreadsheet, made inert when it would run as a formula.
  func append(text: String, to bytes: inout [UInt8]) {
    CSVField.append(isSpreadsheet ? CSVStyle.inert(text) : text, style: self, to: &bytes)
  }

  /// Appends hours with two decimals.
  func append(hours minutes: Minutes, to bytes: inout [UInt8]) {
    CSVField.append(minutes.formatted(.decimal, decimalSeparator: decimalSeparator), style: self, to: &bytes)
  }

  /// A cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) made inert by a
  /// leading apostrophe, as spreadsheets themselves write text. A cell that reads as one already made inert
  /// (apostrophes, then one of those) gets one more, so that `typed` can tell the two apart.
  static func inert(_ cell: String) -> String {
    startsAsFormula(cell.drop { $0 == "'" }) ? "'" + cell : cell
  }

  /// The cell `inert` was given: a cell of tsheet's `--excel` file as it was logged.
  package static func typed(_ cell: String) -> String {
    cell.first == "'" && startsAsFormula(cell.drop { $0 == "'" }) ? String(cell.dropFirst()) : cell
  }

  private static func startsAsFormula(_ cell: Substring) -> Bool {
    guard let first = cell.unicodeScalars.first else { return false }
    return "=+-@\t\r".unicodeScalars.contains(first)
  }
}
