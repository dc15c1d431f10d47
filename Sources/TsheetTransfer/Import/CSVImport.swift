import TsheetCore

/// The rows of a CSV file in one of the CSV formats, read as they stream in.
package struct CSVImport: ImportSource {
  private var reader: CSVReader
  /// The format, as asked or as the header shows.
  package let format: ImportFormat
  /// Where each column the format reads stands in a row (by `Column.rawValue`), found once from the header.
  private let positions: [Int?]
  private let width: Int
  /// Whether the file is tsheet's own `--excel` export (a byte order mark, then tsheet's header), whose text
  /// cells tsheet made inert with an apostrophe where a spreadsheet would run them: those come back as logged.
  private let isTsheetSpreadsheet: Bool

  /// The columns the CSV formats read.
  enum Column: Int, CaseIterable {
    case id, date, client, title, description, minutes, hours, project, task, notes, duration
    case startDate, startTime, endDate, endTime, durationHours, person, user, firstName, lastName

    /// The header's name of the column, in any case.
    var name: String {
      switch self {
      case .startDate: "start date"
      case .startTime: "start time"
      case .endDate: "end date"
      case .endTime: "end time"
      case .durationHours: "duration (h)"
      case .firstName: "first name"
      case .lastName: "last name"
      default: String(describing: self)
      }
    }
  }

  /// Reads the header. `requested` `.auto` picks the format the header announces.
  /// - Throws: `ImportError` for a header that fits no format (or not the one requested).
  package init(reader: CSVReader, requested: ImportFormat) throws(ImportError) {
    var reader = reader
    let header: CSVReader.Record
    do {
      try reader.detectSeparator()
      guard let first = try reader.next() else { throw ImportError(line: 1, "the file is empty") }
      header = first
    } catch let error as CSVError {
      throw ImportError(line: error.line, error.description)
    } catch let error as ImportError {
      throw error
    } catch {
      throw ImportError(line: 1, "\(error)")
    }
    let names = header.fields.map { $0.trimmed }
    guard let detected = ImportFormat.csvFormat(header: names), requested == .auto || requested == detected else {
      let expected =
        requested == .auto || requested == .tsheet
        ? "date, client, title and minutes (or hours), in any order" : "the header of a \(requested) export"
      throw ImportError(
        line: header.line,
        "the header '\(names.joined(separator: ",").echoed(limit: 80))' is not one tsheet reads; expected \(expected)")
    }
    self.reader = reader
    format = detected
    width = names.count
    isTsheetSpreadsheet =
      reader.startsWithByteOrderMark && names.count >= EntryCSV.columns.count - 1
      && names == Array(EntryCSV.columns.prefix(names.count))
    let positions = Dictionary(
      names.enumerated().map { ($1.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    self.positions = Column.allCases.map { positions[$0.name] }
  }

  /// Calls `body` with every row, in file order; a Toggl or Clockify entry that crosses midnight gives a row
  /// per day.
  /// - Throws: `ImportError` naming the line and field of the first row that cannot be read, or what `body`
  ///   throws.
  package mutating func forEachRow(_ body: (ImportRow) throws -> Void) throws {
    while true {
      let record: CSVReader.Record
      do {
        guard let next = try reader.next() else { return }
        record = next
      } catch {
        throw ImportError(line: error.line, error.description)
      }
      guard record.fields.count == width else {
        throw ImportError(
          line: record.line,
          "\(record.fields.count) fields where the header has \(width); quote fields that hold the separator")
      }
      for row in try rows(of: record) { try body(row) }
    }
  }

  private func rows(of record: CSVReader.Record) throws(ImportError) -> [ImportRow] {
    let line = record.line
    func field(_ column: Column) -> String { positions[column.rawValue].map { record.fields[$0].trimmed } ?? "" }
    /// A cell a person typed: in tsheet's own `--excel` file, without the apostrophe tsheet added.
    func typed(_ cell: String) -> String { isTsheetSpreadsheet ? CSVStyle.typed(cell) : cell }
    func optional(_ column: Column) -> String? { field(column).isEmpty ? nil : field(column) }
    func value<T>(_ column: Column, _ parse: (String) throws(ImportValueError) -> T) throws(ImportError) -> T {
      do { return try parse(field(column)) } catch {
        throw ImportError(line: line, field: column.name, error.message)
      }
    }
    func required(_ column: Column) throws(ImportError) -> String {
      let text = field(column)
      if text.isEmpty { throw ImportError(line: line, field: column.name, "is empty") }
      return text
    }
    func joined(_ parts: [String], excluding used: [String]) -> String {
      parts.filter { !$0.isEmpty && !used.contains($0) }.joined(separator: " · ")
    }
    switch format {
    case .toggl, .clockify:
      let project = field(.project)
      let task = field(.task)
      let text = field(.description)
      let client = field(.client).isEmpty ? project : field(.client)
      let title = [text, task, project].first { !$0.isEmpty } ?? ""
      let usDates = format == .clockify
      let row = ImportRow(
        line: line, client: client.isEmpty ? try required(.client) : client,
        title: title.isEmpty ? try required(.description) : title,
        description: joined([project, task], excluding: [client, title]),
        day: try value(.startDate) { (text) throws(ImportValueError) in
          try ImportValue.day(text, usDates: usDates)
        },
        minutes: 0, person: optional(.user))
      // An entry that ends on a later day is cut at midnight by its clock times; else its duration counts.
      // Each is a span the tracker timed: the first row carries it, and each row its start.
      var pieces: [(day: CalendarDay, minutes: Int)]
      var minutes: Int
      if let end = try? ImportValue.day(field(.endDate), usDates: usDates), end > row.day {
        let start = try value(.startTime, ImportValue.clockTime)
        let finish = try value(.endTime, ImportValue.clockTime)
        let span = try value(.endDate) { (_) throws(ImportValueError) in
          try ClockSpan(firstDay: row.day, start: start, lastDay: end, end: finish)
        }
        (pieces, minutes) = (span.minutesByDay(), span.minutes)
      } else {
        minutes = try value(format == .toggl ? .duration : .durationHours, ImportValue.duration)
        pieces = [(row.day, minutes)]
      }
      let start = (try? ImportValue.clockTime(field(.startTime))).map { "\(row.day) " + ImportValue.clockText($0) }
      var rows = pieces.map { piece in
        var row = row
        (row.day, row.minutes) = piece
        row.place.start = start
        return row
      }
      if !rows.isEmpty { rows[0].span = TrackedSpan(minutes: minutes, pieces: pieces) }
      return rows
    case .harvest:
      let notes = field(.notes).split(whereSeparator: \.isNewline).map { String($0).trimmed }
      let task = field(.task)
      let project = field(.project)
      let title = notes.first ?? task
      return [
        ImportRow(
          line: line, client: try required(.client), title: title.isEmpty ? try required(.task) : title,
          description: (Array(notes.dropFirst()) + [joined([project, task], excluding: [title])])
            .filter { !$0.isEmpty }.joined(separator: "\n"),
          day: try value(.date) { (text) throws(ImportValueError) in try ImportValue.day(text) },
          minutes: try value(.hours, ImportValue.hours),
          person: optional(.firstName).map { first in optional(.lastName).map { "\(first) \($0)" } ?? first }
            ?? optional(.lastName))
      ]
    default:
      let minutes =
        positions[Column.minutes.rawValue] != nil && !field(.minutes).isEmpty
        ? try value(.minutes, ImportValue.minutes) : try value(.hours, ImportValue.hours)
      let id = field(.id)
      return [
        ImportRow(
          line: line, id: id.isEmpty ? nil : try value(.id, ImportValue.entryID),
          client: typed(try required(.client)), title: typed(try required(.title)),
          description: typed(positions[Column.description.rawValue].map { record.fields[$0] } ?? ""),
          day: try value(.date) { (text) throws(ImportValueError) in try ImportValue.day(text) },
          minutes: minutes, person: optional(.person).map(typed))
      ]
    }
  }
}
