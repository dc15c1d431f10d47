/// The files `tsheet import` reads.
package enum ImportFormat: String, Sendable, CaseIterable {
  /// Guess from the first bytes and the header.
  case auto
  /// tsheet's own CSV, JSON or NDJSON export, or a CSV typed in a spreadsheet with the columns
  /// `date,client,title,minutes` (optionally `description`, or `hours` instead of `minutes`) in any order.
  case tsheet
  /// Toggl Track's detailed report CSV.
  case toggl
  /// Clockify's detailed report CSV.
  case clockify
  /// Harvest's time report CSV.
  case harvest
  /// Watson's frames JSON (the `frames` file, or `watson log --json`).
  case watson
  /// `timew export` JSON.
  case timewarrior
}

/// The files `tsheet export` writes.
package enum ExportFormat: String, Sendable, CaseIterable {
  /// RFC 4180 CSV, or shaped for a spreadsheet.
  case csv
  /// An array of objects, one a line.
  case json
  /// One object a line, no array.
  case ndjson
  /// An Excel workbook: the entries with typed cells, and the month-by-client pivot with its chart.
  case xlsx
}

/// How the text of an imported file is encoded (`--encoding`). tsheet keeps UTF-8; a file in another encoding
/// is read only when the user says which, never guessed.
package enum TextEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  /// What Excel on Windows saves as "CSV": Latin-1 with `€`, curly quotes and dashes in 0x80–0x9F.
  case windows1252 = "windows-1252"
  /// ISO 8859-1: each byte is the code point of the same number.
  case latin1
}
