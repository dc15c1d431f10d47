import Foundation
import TsheetCore

/// The rows of a JSON or NDJSON file: tsheet's export, Watson's frames or log, or `timew export`.
///
/// Watson's project is the client and its tags the title (the project when it has none). Timewarrior's client
/// is chosen among the tags by `ImportClients.client(amongTags:)`, the other tags make the title and the
/// annotation the description. Tracked spans are cut at local midnight into one row per day.
package struct JSONImport: ImportSource {
  private let records: [JSONRecord]
  package let format: ImportFormat
  private let timeZone: TimeZone
  private let clients: ImportClients

  /// Parses `data`, text in `encoding`, as a JSON array, or as NDJSON (one object a line).
  /// - Throws: `ImportError` for bytes that are not text in `encoding`, text that is not JSON or a shape that
  ///   fits no format.
  package init(
    data: Data, requested: ImportFormat, encoding: TextEncoding = .utf8,
    clients: ImportClients = ImportClients(), timeZone: TimeZone = .current
  ) throws(ImportError) {
    self.timeZone = timeZone
    self.clients = clients
    let data = try Self.utf8(data, from: encoding)
    let trimmed = data.drop { [0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }
    let decoder = JSONDecoder()
    var records: [JSONRecord] = []
    if trimmed.first == UInt8(ascii: "[") {
      guard let array = try? decoder.decode([JSONRecord].self, from: Data(trimmed)) else {
        throw ImportError(line: 1, "the file is not valid JSON; check its brackets and quotes")
      }
      records = array
    } else {
      for (index, line) in Data(trimmed).split(separator: UInt8(ascii: "\n")).enumerated() {
        guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) else { continue }
        guard let record = try? decoder.decode(JSONRecord.self, from: Data(line)) else {
          throw ImportError(line: index + 1, "the line is not a JSON object")
        }
        records.append(record)
      }
    }
    self.records = records
    let detected: ImportFormat
    switch records.first {
    case .frame: detected = .watson
    case .object(let object) where object.keys.contains("project") && object.keys.contains("start"):
      detected = .watson
    case .object(let object) where object.keys.contains("start"): detected = .timewarrior
    case .object(let object) where object.keys.contains("date"): detected = .tsheet
    case nil: detected = requested == .auto ? .tsheet : requested
    default: throw ImportError(element: 1, "the JSON is not a tsheet, Watson or Timewarrior export")
    }
    guard requested == .auto || requested == detected else {
      throw ImportError(element: 1, "the JSON is a \(detected) export, not a \(requested) one")
    }
    format = detected
  }

  /// `data` as UTF-8, which JSON is read in.
  /// - Throws: `ImportError` naming the line and offset of the first byte that is not text in `encoding`.
  private static func utf8(_ data: Data, from encoding: TextEncoding) throws(ImportError) -> Data {
    guard let text = encoding.text(data) else {
      let bytes = Array(data)
      let offset = encoding.firstInvalidByte(in: data) ?? 0
      throw ImportError(
        line: bytes[..<offset].count { $0 == 10 } + 1,
        encoding.notText(byte: bytes[offset], offset: offset))
    }
    return encoding == .utf8 ? data : Data(text.utf8)
  }

  /// Calls `body` with every row, in file order; a span that crosses midnight gives a row per day. A client
  /// that a Timewarrior interval names is known to the intervals after it.
  package func forEachRow(_ body: (ImportRow) throws -> Void) throws {
    var clients = clients
    for (index, record) in records.enumerated() {
      var place = place(of: record, at: index)
      let rows: [ImportRow]
      do { rows = try self.rows(of: record, clients: clients) } catch {
        place.start = (try? record.start?.seconds()).flatMap { TimeSpan.localText(of: $0, in: timeZone) }
        throw ImportError(place: place, field: error.field, error.message)
      }
      if format == .timewarrior, let client = rows.first?.client { clients.known.insert(ClientName.key(client)) }
      for var row in rows {
        row.place = ImportPlace(place.kind, place.number, start: row.place.start)
        try body(row)
      }
    }
  }

  /// Where `record`, the array's element `index` (from 0), is: a Timewarrior interval by its `@` number, which
  /// `timew export` writes as `id` (else counted back from the last, @1). Errors and spans add its start.
  private func place(of record: JSONRecord, at index: Int) -> ImportPlace {
    guard format == .timewarrior else { return ImportPlace(.element, index + 1) }
    let number = record.object?.id.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? records.count - index
    return ImportPlace(.interval, number)
  }

  private func rows(of record: JSONRecord, clients: ImportClients) throws(ImportFieldError) -> [ImportRow] {
    switch (format, record) {
    case (.watson, .frame(let frame)):
      guard let start = frame.start, let stop = frame.stop, let project = frame.project?.trimmed,
        !project.isEmpty
      else { throw ImportFieldError(field: nil, "is not a Watson frame [start, stop, project, …]") }
      return try spanRows(
        TimeSpan(start: start, end: stop, in: timeZone), client: project,
        title: frame.tags.isEmpty ? project : frame.tags.joined(separator: ", "))
    case (.watson, .object(let object)):
      let project = try required(object.project, "project")
      let span = try TimeSpan(
        start: seconds(object.start, "start"), end: seconds(object.stop, "stop"),
        in: timeZone)
      let tags = object.tags ?? []
      return try spanRows(span, client: project, title: tags.isEmpty ? project : tags.joined(separator: ", "))
    case (.timewarrior, .object(let object)):
      guard object.keys.contains("end") else {
        throw ImportFieldError(field: "end", "the interval is still open; stop it (timew stop) and export again")
      }
      let (client, title) = try clients.client(amongTags: object.tags ?? [])
      let span = try TimeSpan(start: seconds(object.start, "start"), end: seconds(object.end, "end"), in: timeZone)
      return try spanRows(span, client: client, title: title, description: object.annotation ?? "")
    case (.tsheet, .object(let object)):
      let minutes: Int
      if let value = object.minutes {
        minutes = value
      } else if let hours = object.hours {
        do { minutes = try ImportValue.entryLength(hours * 60, written: "\(hours)") } catch {
          throw ImportFieldError(field: "hours", error.message)
        }
      } else {
        throw ImportFieldError(field: "minutes", "is missing or not a whole number")
      }
      let date = try required(object.date, "date")
      guard let day = CalendarDay(iso: date) else {
        throw ImportFieldError(field: "date", "'\(date.echoed())' is not a date; write it as YYYY-MM-DD")
      }
      var id: Int64?
      if let text = object.id, !text.trimmed.isEmpty {
        do { id = try ImportValue.entryID(text) } catch { throw ImportFieldError(field: "id", error.message) }
      }
      return [
        ImportRow(
          line: 0, id: id, client: try required(object.client, "client"),
          title: try required(object.title, "title"), description: object.description ?? "",
          day: day, minutes: minutes, person: object.person)
      ]
    default:
      throw ImportFieldError(field: nil, "is not an entry of a \(format) export")
    }
  }

  /// A row for each day `span` touches, each placed at its start; the first carries the span.
  private func spanRows(
    _ span: TimeSpan, client: String, title: String,
    description: String = ""
  ) throws(ImportFieldError) -> [ImportRow] {
    let pieces = span.minutesByDay(in: timeZone)
    let start = TimeSpan.localText(of: span.start, in: timeZone)
    var rows = pieces.map { piece in
      var row = ImportRow(
        line: 0, client: client, title: title, description: description, day: piece.day,
        minutes: piece.minutes)
      row.place.start = start
      return row
    }
    if !rows.isEmpty { rows[0].span = TrackedSpan(minutes: span.minutes, pieces: pieces) }
    return rows
  }

  private func required(_ text: String?, _ field: String) throws(ImportFieldError) -> String {
    guard let text = text?.trimmed, !text.isEmpty else { throw ImportFieldError(field: field, "is missing or empty") }
    return text
  }

  private func seconds(_ time: JSONTime?, _ field: String) throws(ImportFieldError) -> Double {
    guard let time else { throw ImportFieldError(field: field, "is missing") }
    do { return try time.seconds() } catch { throw ImportFieldError(field: field, error.message) }
  }
}
