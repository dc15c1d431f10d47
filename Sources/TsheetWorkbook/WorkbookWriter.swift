import TsheetCore

/// An .xlsx workbook written to `path` in the reader's language: first, optionally, the entries sheet, its
/// rows streamed in (memory stays flat at a million), then pivot sheets, each with its chart.
package struct WorkbookWriter {
  private let workbook: Workbook
  private let words: WorkbookWords
  private var entries: EntrySheet?

  /// Starts the workbook; libxlsxwriter keeps each sheet's rows in temporary files in `temporaryFolder`.
  package init(path: String, temporaryFolder: String, language: Language) throws(WorkbookError) {
    workbook = try Workbook(path: path, temporaryFolder: temporaryFolder)
    words = WorkbookWords(language)
  }

  /// Starts the entries sheet for `count` entries.
  /// - Throws: `WorkbookError.tooManyRows` when a sheet cannot hold them.
  package mutating func beginEntries(count: Int) throws(WorkbookError) {
    entries = try EntrySheet(in: workbook, count: count, words: words)
  }

  /// Writes the next entry on the entries sheet, with the minutes its client is `billed` for it.
  package mutating func add(_ entry: Entry, billed: Minutes) throws(WorkbookError) {
    try entries?.add(entry, billed: billed)
  }

  /// Writes `pivot` (rows of `kind`, columns by `period`) on a sheet of its own, with its chart.
  /// - Throws: `WorkbookError.tooManyColumns`, before anything is written, when a sheet is too narrow for it.
  package func addPivot(_ pivot: Pivot, rows kind: PivotRows, period: Period?) throws(WorkbookError) {
    try PivotSheet.write(pivot, rows: kind, period: period, in: workbook, words: words)
  }

  /// Puts the file together at `path`.
  package func close() throws(WorkbookError) {
    entries?.finish()
    try workbook.close()
  }

  /// The most entries a sheet holds, below its header.
  package static let maxEntries = Sheet.maxRows - 1
  /// The most columns a sheet holds.
  package static let maxColumns = Sheet.maxColumns
}
