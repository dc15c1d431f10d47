import CXlsxWriter
import TsheetCore

/// A pivot on a sheet of its own: a row per client, person or title (or a combination), a column per period,
/// row and column totals and the grand total, in hours; and its chart on the next sheet, a chart sheet, which shows and prints
/// it on a page of its own. Columns are as wide as their cells; the pivot prints landscape with the header row
/// and the row labels on every page, as many pages wide as it takes to print at three quarters of its size or
/// more.
enum PivotSheet {
  /// The widest a label column grows; past it, labels wrap.
  static let maxLabelWidth = 40.0
  /// The characters of column width a landscape page prints at full size: a Letter page less its margins
  /// (9.6 inches) holds 131 of Calibri's, but 98 of DejaVu Sans's, which LibreOffice shows Calibri in where
  /// Carlito is missing.
  static let pageWidth = 98.0
  /// The smallest a pivot is shrunk to fit fewer pages.
  static let smallestScale = 0.75

  /// Writes `pivot` (rows of `kind`, columns by `period`) on a new sheet of `workbook`, and its chart on the next.
  static func write(
    _ pivot: Pivot, rows kind: PivotRows, period: Period?, in workbook: Workbook,
    words: WorkbookWords
  ) throws(WorkbookError) {
    let labels = kind.dimensions.map(words.name(of:))
    let headers = labels + pivot.columns + [words.total]
    guard headers.count <= Sheet.maxColumns else { throw .tooManyColumns(headers.count) }
    guard pivot.rows.count + 4 <= Sheet.maxRows else { throw .tooManyRows(pivot.rows.count) }
    let title = words.hours(by: period)
    let sheet = workbook.addSheet(title)
    let formats = workbook.formats
    lay(out: sheet, widths: widths(of: pivot, kind: kind, headers: headers), labels: labels.count, formats: formats)
    for (column, header) in headers.enumerated() {
      try sheet.write(header, row: 0, column: column, format: formats.header)
    }
    func write(
      _ names: [String], _ cells: [Minutes], row: Int,
      format: UnsafeMutablePointer<lxw_format>
    ) throws(WorkbookError) {
      let lines = names.map { TextWidth.measure($0, wrappingAt: maxLabelWidth - 1).lines }.max() ?? 1
      try sheet.setHeight(ofRow: row, lines: lines)
      for (column, name) in names.enumerated() { try sheet.write(name, row: row, column: column, format: format) }
      for (offset, minutes) in cells.enumerated() {
        try sheet.write(Double(minutes.value) / 60, row: row, column: labels.count + offset, format: formats.hours)
      }
    }
    for (index, key) in pivot.rows.enumerated() {
      let cells = pivot.columns.map { pivot.minutes(row: key, column: $0) } + [pivot.total(ofRow: key)]
      try write(kind.labels(of: key), cells, row: index + 1, format: formats.wrapped)
    }
    let series = ChartSeries(of: pivot)
    try write(
      [words.total], pivot.columns.map(pivot.total(ofColumn:)) + [pivot.total], row: series.totalRow,
      format: formats.header)
    if !series.others.isEmpty {
      try write(
        [words.others(series.others.count)], series.otherMinutes(in: pivot), row: series.othersRow,
        format: formats.wrapped)
    }
    guard !pivot.rows.isEmpty else { return }
    let chart = PivotChart(
      pivot: pivot, labels: labels.count, sheet: sheet, series: series,
      names: pivot.rows.map { kind.labels(of: $0).joined(separator: " · ") },
      othersName: words.others(series.others.count), totalName: words.total)
    try workbook.addChartSheet(words.chart(of: title), chart: chart.make(title: title, in: workbook))
  }

  /// Sets the columns' `widths`, freezes the header and the `labels` columns, and sets the sheet to print.
  private static func lay(out sheet: Sheet, widths: [Double], labels: Int, formats: Workbook.Formats) {
    for (column, width) in widths.enumerated() {
      sheet.setColumns(column...column, width: width, format: column < labels ? formats.wrapped : nil)
    }
    sheet.freeze(columns: labels)
    let labelWidth = widths.prefix(labels).reduce(0, +)
    let periodWidth = widths.dropFirst(labels).reduce(0, +)
    let pages = (periodWidth / max(pageWidth / smallestScale - labelWidth, 1)).rounded(.up)
    sheet.printLandscape(pagesWide: Int(pages), repeatingColumns: labels)
  }

  /// The width of each column: the widest of its header (bold) and its cells, labels up to `maxLabelWidth`.
  private static func widths(of pivot: Pivot, kind: PivotRows, headers: [String]) -> [Double] {
    var widths = headers.map { TextWidth.of($0) * TextWidth.bold }
    let labelCount = kind.dimensions.count
    for key in pivot.rows {
      for (column, label) in kind.labels(of: key).enumerated() {
        widths[column] = max(widths[column], TextWidth.of(label))
      }
    }
    let hours = TextWidth.of(String(pivot.total.value / 60) + ".00")  // no cell holds more than the grand total
    return widths.enumerated().map { column, width in
      column < labelCount ? min(width + 1, maxLabelWidth) : max(width, hours) + 1
    }
  }
}
