import Foundation
import TsheetCore

/// The value parsers the import formats share; each throws a message for `ImportError`.
enum ImportValue {
    /// `YYYY-MM-DD`; with `usDates`, `MM/DD/YYYY` too.
    static func day(_ text: String, usDates: Bool = false) throws(ImportValueError) -> CalendarDay {
        let text = text.trimmed
        if let day = CalendarDay(iso: text) { return day }
        let parts = text.split(separator: "/")
        if usDates, parts.count == 3, let month = Int(parts[0]), let day = Int(parts[1]), let year = Int(parts[2]),
           let date = CalendarDay(year: year, month: month, day: day) {
            return date
        }
        throw ImportValueError("'\(text)' is not a date; write it as YYYY-MM-DD")
    }

    /// Whole minutes: `90`, or any duration `tsheet log` reads (`1h30m`, `1:30`), from 1 minute to 24 hours.
    static func minutes(_ text: String) throws(ImportValueError) -> Int {
        if let minutes = Int(text), (1...1440).contains(minutes) { return minutes } // the common case, fast
        do { return try Minutes(parsing: text.trimmed).value } catch { throw ImportValueError("\(error)") }
    }

    /// `minutes`, checked to be one entry's length: from 1 minute to 24 hours. `text` is what the file said.
    static func entryLength(_ minutes: Int, written text: String) throws(ImportValueError) -> Int {
        guard minutes >= 1 else { throw ImportValueError("'\(text)' is not a positive duration") }
        guard minutes <= 1440 else { throw ImportValueError("'\(text)' is longer than a day; split it into days") }
        return minutes
    }

    /// Decimal hours with a dot or a comma (`1.5`, `1,50`), as whole minutes.
    static func hours(_ text: String) throws(ImportValueError) -> Int {
        let text = text.trimmed.replacingOccurrences(of: ",", with: ".")
        guard let hours = Double(text), hours.isFinite else {
            throw ImportValueError("'\(text)' is not a number of hours; write it like 1.5")
        }
        return try entryLength(Int((hours * 60).rounded()), written: text)
    }

    /// `HH:MM:SS` (or `HH:MM`), as whole minutes, half a minute rounding up.
    static func clockDuration(_ text: String) throws(ImportValueError) -> Int {
        let parts = text.trimmed.split(separator: ":").map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }) else {
            throw ImportValueError("'\(text)' is not a duration; expected HH:MM:SS")
        }
        let seconds = parts[0]! * 3600 + parts[1]! * 60 + (parts.count == 3 ? parts[2]! : 0)
        return try entryLength((seconds + 30) / 60, written: text.trimmed)
    }

    /// The local calendar day and the seconds since 1970 of an ISO 8601 timestamp: `2026-11-20T09:00:00Z`,
    /// `2026-11-20T10:00:00+01:00`, or timewarrior's `20261120T090000Z`.
    static func instant(_ text: String, in timeZone: TimeZone) throws(ImportValueError) -> (CalendarDay, Double) {
        var text = text.trimmed
        if text.count == 16, text.hasSuffix("Z"), !text.contains("-") { // 20261120T090000Z
            let c = Array(text)
            text = "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8]))T\(String(c[9..<11])):\(String(c[11..<13])):\(String(c[13..<15]))Z"
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var date = formatter.date(from: text)
        if date == nil {
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            date = formatter.date(from: text)
        }
        guard let date else { throw ImportValueError("'\(text)' is not an ISO 8601 time") }
        return (localDay(of: date.timeIntervalSince1970, in: timeZone), date.timeIntervalSince1970)
    }

    /// The calendar day, in `timeZone`, of `seconds` since 1970.
    static func localDay(of seconds: Double, in timeZone: TimeZone) -> CalendarDay {
        let local = seconds + Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds)))
        return CalendarDay(dayNumber: Int((local / 86_400).rounded(.down)))
    }
}

/// A value that is not what its field needs.
struct ImportValueError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
