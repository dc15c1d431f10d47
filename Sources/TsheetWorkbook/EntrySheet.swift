import CXlsxWriter
import TsheetCore

/// The entries sheet, written as the entries stream in: a row each, with typed cells (the date a date, the
/// year, minutes and hours numbers, the rest text), the header frozen with filter buttons over every row, so
/// that a spreadsheet's "insert pivot table" takes the whole range by itself. Each row is as tall as its
/// wrapped text, and each column as wide as its widest cell (text columns up to a limit, past which they wrap),
/// so that the sheet reads and prints whole with no "optimal height" asked of the spreadsheet.
struct EntrySheet {
  private let sheet: Sheet
  private let formats: Workbook.Formats
  private var row = 1
  /// The widest cell of each column so far, in characters (`TextWidth`), the header's to begin with.
  private var widths: [Double]
  /// The largest id and minutes so far, whose digits make the widest numbers.
  private var largest = (id: Int64(0), minutes: 0)

  /// The columns, in order.
  private enum Column: Int, CaseIterable {
    case id, date, week, month, year, client, title, description, minutes, hours, billed, person

    /// The widest a text column grows; past it, its text wraps (nil for the columns that never wrap).
    var wrapWidth: Double? {
      switch self {
      case .client: 30
      case .title: 40
      case .description: 60
      case .person: 20
      default: nil
      }
    }
  }

  /// Starts the sheet of `count` entries (its filter covers them all) with the header in `words`.
  init(in workbook: Workbook, count: Int, words: WorkbookWords) throws(WorkbookError) {
    guard count < Sheet.maxRows else { throw .tooManyRows(count) }
    sheet = workbook.addSheet(words.entries)
    formats = workbook.formats
    widths = words.entryHeaders.map { TextWidth.of($0) * TextWidth.bold }
    for (column, header) in words.entryHeaders.enumerated() {
      try sheet.write(header, row: 0, column: column, format: formats.header)
    }
    sheet.freeze()
    sheet.filter(rows: count + 1, columns: words.entryHeaders.count)
    sheet.printLandscape(pagesWide: 1)
  }

  /// Writes the next row: `entry`, with the minutes its client is billed for it. The row is as tall as the
  /// most lines one of its text cells takes.
  mutating func add(_ entry: Entry, billed: Minutes) throws(WorkbookError) {
    let texts = [
      (Column.client, entry.client), (.title, entry.title), (.description, entry.description),
      (.person, entry.person),
    ]
    var lines = 1
    for (column, text) in texts {
      let measured = TextWidth.measure(text, wrappingAt: (column.wrapWidth ?? .infinity) - 1)
      lines = max(lines, measured.lines)
      widths[column.rawValue] = max(widths[column.rawValue], measured.widest)
    }
    try sheet.setHeight(ofRow: row, lines: lines)
    let day = entry.day
    try write(Double(entry.id), .id)
    if let serial = Self.serial(of: day) {
      try write(serial, .date, format: formats.date)
    } else {
      try write(day.description, .date, format: formats.text)  // before 1900-03-01: no date a spreadsheet agrees on
    }
    try write(ISOWeek(containing: day).description, .week, format: formats.text)
    try write(String(day.description.prefix(7)), .month, format: formats.text)
    try write(Double(day.year), .year)
    for (column, text) in texts { try write(text, column, format: formats.wrapped) }
    try write(Double(entry.minutes.value), .minutes)
    try write(Double(entry.minutes.value) / 60, .hours, format: formats.hours)
    try write(Double(billed.value) / 60, .billed, format: formats.hours)
    largest = (max(largest.id, entry.id), max(largest.minutes, entry.minutes.value, billed.value))
    row += 1
  }

  /// Gives each column the width of its widest cell, up to its wrap width.
  func finish() {
    let hours = String(largest.minutes / 60) + ".00"
    let shown: [Column: String] = [
      .id: String(largest.id), .date: "10/30/2026", .week: "2026-W53", .month: "2026-12",
      .year: "2026", .minutes: String(largest.minutes), .hours: hours, .billed: hours,
    ]
    for column in Column.allCases {
      let width = max(widths[column.rawValue], shown[column].map(TextWidth.of) ?? 0) + 1
      sheet.setColumns(
        column.rawValue...column.rawValue, width: min(width, column.wrapWidth ?? width),
        format: column.wrapWidth == nil ? formats.text : formats.wrapped)
    }
  }

  private func write(_ text: String, _ column: Column, format: UnsafeMutablePointer<lxw_format>) throws(WorkbookError) {
    try sheet.write(text, row: row, column: column.rawValue, format: format)
  }

  private func write(
    _ number: Double, _ column: Column,
    format: UnsafeMutablePointer<lxw_format>? = nil
  ) throws(WorkbookError) {
    try sheet.write(number, row: row, column: column.rawValue, format: format ?? formats.text)
  }

  /// The spreadsheet's serial number of `day` (days since 1899-12-30), for days from 1900-03-01 on, where
  /// Excel, LibreOffice and Google Sheets count alike.
  static func serial(of day: CalendarDay) -> Double? {
    day < firstSerialDay ? nil : Double(day.dayNumber + 25_569)
  }

  private static let firstSerialDay = CalendarDay(year: 1900, month: 3, day: 1)!
}
