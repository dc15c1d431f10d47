import CXlsxWriter
import TsheetCore

/// The entries sheet, written as the entries stream in: a row each, with typed cells (the date a date, the
/// year, minutes and hours numbers, the rest text), the header frozen with filter buttons over every row, so
/// that a spreadsheet's "insert pivot table" takes the whole range by itself.
struct EntrySheet {
    private let sheet: Sheet
    private let formats: Workbook.Formats
    private var row = 1

    /// Starts the sheet of `count` entries (its filter covers them all) with the header in `words`.
    init(in workbook: Workbook, count: Int, words: WorkbookWords) throws(WorkbookError) {
        guard count < Sheet.maxRows else { throw .tooManyRows(count) }
        sheet = workbook.addSheet(words.entries)
        formats = workbook.formats
        for (column, width) in [8.0, 11, 9, 8, 6, 18, 36, 48, 8, 8, 14].enumerated() {
            sheet.setColumns(column...column, width: width, format: column == 7 ? formats.wrapped : nil)
        }
        for (column, header) in words.entryHeaders.enumerated() {
            try sheet.write(header, row: 0, column: column, format: formats.header)
        }
        sheet.freezeHeader(filtering: count + 1, columns: words.entryHeaders.count)
        sheet.printOnePageWide()
    }

    /// Writes the next row.
    mutating func add(_ entry: Entry) throws(WorkbookError) {
        let day = entry.day, text = day.description
        try sheet.write(Double(entry.id), row: row, column: 0)
        if let serial = Self.serial(of: day) {
            try sheet.write(serial, row: row, column: 1, format: formats.date)
        } else {
            try sheet.write(text, row: row, column: 1) // before 1900-03-01: no date a spreadsheet agrees on
        }
        try sheet.write(ISOWeek(containing: day).description, row: row, column: 2)
        try sheet.write(String(text.prefix(7)), row: row, column: 3)
        try sheet.write(Double(day.year), row: row, column: 4)
        try sheet.write(entry.client, row: row, column: 5)
        try sheet.write(entry.title, row: row, column: 6)
        try sheet.write(entry.description, row: row, column: 7, format: formats.wrapped)
        try sheet.write(Double(entry.minutes.value), row: row, column: 8)
        try sheet.write(Double(entry.minutes.value) / 60, row: row, column: 9, format: formats.hours)
        try sheet.write(entry.person, row: row, column: 10)
        row += 1
    }

    /// The spreadsheet's serial number of `day` (days since 1899-12-30), for days from 1900-03-01 on, where
    /// Excel, LibreOffice and Google Sheets count alike.
    static func serial(of day: CalendarDay) -> Double? {
        day < firstSerialDay ? nil : Double(day.dayNumber + 25_569)
    }

    private static let firstSerialDay = CalendarDay(year: 1900, month: 3, day: 1)!
}
