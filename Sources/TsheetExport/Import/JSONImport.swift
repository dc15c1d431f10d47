import Foundation
import TsheetCore

/// The rows of a JSON or NDJSON file: tsheet's export, Watson's frames, or `timew export`.
///
/// Timewarrior's tags are mapped by one documented rule: the first tag is the client, the others (joined by
/// ", ") the title, the first tag again when it is the only one; the annotation is the description. Watson's
/// project is the client and its tags the title (the project when it has none). Times become the local day of
/// their start.
package struct JSONImport {
    private let elements: [Any]
    package let format: ImportFormat
    private let timeZone: TimeZone

    /// Parses `data` as a JSON array, or as NDJSON (one object a line).
    /// - Throws: `ImportError` for text that is not JSON or a shape that fits no format.
    package init(data: Data, requested: ImportFormat, timeZone: TimeZone = .current) throws(ImportError) {
        self.timeZone = timeZone
        let trimmed = data.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
        var elements: [Any] = []
        if trimmed.first == UInt8(ascii: "[") {
            guard let array = try? JSONSerialization.jsonObject(with: Data(trimmed)) as? [Any] else {
                throw ImportError(line: 1, "the file is not valid JSON; check its brackets and quotes")
            }
            elements = array
        } else {
            for (index, line) in Data(trimmed).split(separator: UInt8(ascii: "\n")).enumerated() {
                guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) else { continue }
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) else {
                    throw ImportError(line: index + 1, "the line is not a JSON object")
                }
                elements.append(object)
            }
        }
        self.elements = elements
        let detected: ImportFormat
        switch elements.first {
        case is [Any]: detected = .watson
        case let object as [String: Any] where object["project"] != nil && object["start"] != nil: detected = .watson
        case let object as [String: Any] where object["start"] != nil: detected = .timewarrior
        case let object as [String: Any] where object["date"] != nil: detected = .tsheet
        case nil: detected = requested == .auto ? .tsheet : requested
        default: throw ImportError(element: 1, "the JSON is not a tsheet, Watson or Timewarrior export")
        }
        guard requested == .auto || requested == detected else {
            throw ImportError(element: 1, "the JSON is a \(detected) export, not a \(requested) one")
        }
        format = detected
    }

    /// Calls `body` with every row, in file order.
    package func forEachRow(_ body: (ImportRow) throws -> Void) throws {
        for (index, element) in elements.enumerated() {
            var row = try row(element, number: index + 1)
            row.isElement = true
            try body(row)
        }
    }

    private func row(_ element: Any, number: Int) throws(ImportError) -> ImportRow {
        func fail(_ field: String?, _ problem: String) -> ImportError { ImportError(element: number, field: field, problem) }
        func text(_ object: [String: Any], _ key: String) throws(ImportError) -> String {
            guard let value = object[key] as? String, !value.trimmed.isEmpty else { throw fail(key, "is missing or empty") }
            return value.trimmed
        }
        func span(_ start: Double, _ end: Double, field: String) throws(ImportError) -> Int {
            guard end > start else { throw fail(field, "ends before it starts") }
            return Int(((end - start) / 60).rounded())
        }
        func instant(_ object: [String: Any], _ key: String) throws(ImportError) -> (CalendarDay, Double) {
            if let seconds = object[key] as? Double { return (ImportValue.localDay(of: seconds, in: timeZone), seconds) }
            do { return try ImportValue.instant(try text(object, key), in: timeZone) } catch let error as ImportError {
                throw error
            } catch {
                throw fail(key, (error as? ImportValueError)?.message ?? "\(error)")
            }
        }
        switch (format, element) {
        case (.watson, let frame as [Any]):
            guard frame.count >= 3, let start = frame[0] as? Double, let stop = frame[1] as? Double,
                  let project = frame[2] as? String else { throw fail(nil, "is not a Watson frame [start, stop, project, …]") }
            let tags = frame.count > 4 ? (frame[4] as? [String] ?? []) : []
            return ImportRow(line: number, client: project, title: tags.isEmpty ? project : tags.joined(separator: ", "),
                             day: ImportValue.localDay(of: start, in: timeZone), minutes: try span(start, stop, field: "stop"))
        case (.watson, let object as [String: Any]):
            let project = try text(object, "project")
            let (day, start) = try instant(object, "start"), (_, stop) = try instant(object, "stop")
            let tags = object["tags"] as? [String] ?? []
            return ImportRow(line: number, client: project, title: tags.isEmpty ? project : tags.joined(separator: ", "),
                             day: day, minutes: try span(start, stop, field: "stop"))
        case (.timewarrior, let object as [String: Any]):
            guard object["end"] != nil else { throw fail("end", "the interval is still open; stop it (timew stop) and export again") }
            let tags = object["tags"] as? [String] ?? []
            guard let client = tags.first else { throw fail("tags", "has no tag to take the client from") }
            let (day, start) = try instant(object, "start"), (_, end) = try instant(object, "end")
            return ImportRow(line: number, client: client,
                             title: tags.count > 1 ? tags.dropFirst().joined(separator: ", ") : client,
                             description: (object["annotation"] as? String) ?? "", day: day,
                             minutes: try span(start, end, field: "end"))
        case (.tsheet, let object as [String: Any]):
            let minutes: Int
            if let value = object["minutes"] as? Int {
                minutes = value
            } else if let hours = object["hours"] as? Double {
                minutes = Int((hours * 60).rounded())
            } else {
                throw fail("minutes", "is missing or not a whole number")
            }
            let date = try text(object, "date")
            guard let day = CalendarDay(iso: date) else { throw fail("date", "'\(date)' is not a date; write it as YYYY-MM-DD") }
            return ImportRow(line: number, id: (object["id"] as? Int).map(Int64.init), client: try text(object, "client"),
                             title: try text(object, "title"), description: object["description"] as? String ?? "",
                             day: day, minutes: minutes)
        default:
            throw fail(nil, "is not an entry of a \(format) export")
        }
    }
}
