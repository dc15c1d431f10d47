import TsheetCore
import TsheetStore
import TsheetTransfer
import TsheetWorkbook

/// What `tsheet export` was asked for.
package struct ExportRequest: Sendable {
  package var filter: FilterRequest
  package var format: ExportFormat
  /// CSV for a spreadsheet (`--excel`), in `language` (default: the config's).
  package var excel: Bool
  package var language: Language?
  /// The file to write, as the shell's `>` would; nil or `-` for standard output.
  package var output: String?

  package init(
    filter: FilterRequest = FilterRequest(), format: ExportFormat = .csv, excel: Bool = false,
    language: Language? = nil, output: String? = nil
  ) {
    self.filter = filter
    self.format = format
    self.excel = excel
    self.language = language
    self.output = output
  }
}

/// What an export wrote.
package struct ExportSummary: Sendable {
  /// The number of entries written.
  package var entries: Int
  /// The workbook's pivot sheet, when it was left out for being wider than a sheet: its first and last
  /// columns, and how many columns it would take.
  package var pivotLeftOut: (first: String, last: String, columns: Int)?

  /// The line standard error shows when the pivot sheet was left out.
  package var warning: String? {
    pivotLeftOut.map { pivot in
      "Warning: the hours by month were left out of the workbook: from \(pivot.first) to \(pivot.last) they take "
        + "\(pivot.columns) columns, more than a sheet's \(WorkbookWriter.maxColumns); narrow the range (--from, "
        + "--to) to have them."
    }
  }
}

/// Every matching entry written out, streamed: memory stays flat at a million rows.
package struct Exporter: UseCase {
  let context: Context
  let store: any Store

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
  }

  /// Writes every entry `request` matches, in the order they were logged.
  /// - Parameter progress: called now and then with the number of rows written.
  /// - Returns: the number of entries written, and what was left out.
  package func export(_ request: ExportRequest, progress: (Int) -> Void = { _ in }) throws -> ExportSummary {
    var filter = try request.filter.filter(in: context)
    filter.limit = nil
    let language = request.language ?? context.config.lang ?? .en
    guard let format = EntryWriter.Format(request.format) else {
      return try exportWorkbook(request, filter: filter, language: language, progress: progress)
    }
    let output = try Output.open(request.output ?? "-")
    let style = request.excel ? CSVStyle.spreadsheet(language) : .plain
    var writer = EntryWriter(format: format, style: style) { bytes in try output.write(bytes) }
    var count = 0
    try store.forEachEntry(matching: filter) { entry in
      try writer.write(entry)
      count += 1
      if count % 100_000 == 0 { progress(count) }
    }
    try writer.finish()
    try output.close()
    return ExportSummary(entries: count)
  }

  /// Writes the workbook: the entries with their billed hours, then the hours by month and client (as `report`
  /// bills them) with a chart, unless they are wider than a sheet (a far-dated entry): the entries do not
  /// depend on them.
  private func exportWorkbook(
    _ request: ExportRequest, filter: EntryFilter, language: Language,
    progress: (Int) -> Void
  ) throws -> ExportSummary {
    let count = try store.read { try $0.entryCount(matching: filter) }
    guard count <= WorkbookWriter.maxEntries else { throw WorkbookError.tooManyRows(count) }
    let pivot = try Reporting(context, store: store).report(
      ReportRequest(
        filter: request.filter, period: .month,
        rows: .client)
    ).pivot
    let billing = try store.read { try $0.billingTerms() }.billing  // the same rules as the pivot: the log's
    var summary = ExportSummary(entries: 0)
    try WorkbookOutput.write(to: request.output, language: language) { workbook in
      try workbook.beginEntries(count: count)
      try store.forEachEntry(matching: filter) { entry in
        try workbook.add(entry, billed: billing.billed(entry))
        summary.entries += 1
        if summary.entries % 100_000 == 0 { progress(summary.entries) }
      }
      do {
        try workbook.addPivot(pivot, rows: .client, period: .month)
      } catch WorkbookError.tooManyColumns(let columns) {
        summary.pivotLeftOut = (pivot.columns.first ?? "", pivot.columns.last ?? "", columns)
      }
    }
    return summary
  }
}
