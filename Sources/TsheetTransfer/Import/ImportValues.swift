import Foundation
import TsheetCore

/// The value parsers the import formats share; each throws a message for `ImportError`. Every number is
/// range-checked before it becomes an `Int`, so that no file can overflow one.
enum ImportValue {
  /// `YYYY-MM-DD`; with `usDates`, `MM/DD/YYYY` too.
  static func day(_ text: String, usDates: Bool = false) throws(ImportValueError) -> CalendarDay {
    let text = text.trimmed
    if let day = CalendarDay(iso: text) { return day }
    let parts = text.split(separator: "/")
    if usDates, parts.count == 3, parts.allSatisfy({ $0.count <= 4 }), let month = Int(parts[0]),
      let day = Int(parts[1]), let year = Int(parts[2]), let date = CalendarDay(year: year, month: month, day: day)
    {
      return date
    }
    throw ImportValueError("'\(text.echoed())' is not a date; write it as YYYY-MM-DD")
  }

  /// An entry id as tsheet's export writes it, kept so that a round trip is exact: a whole number from 1. The
  /// same rule for every format, so that whatever an import keeps, the log's own export brings back.
  static func entryID(_ text: String) throws(ImportValueError) -> Int64 {
    guard let id = Int64(text.trimmed), (1...maximumID).contains(id) else {
      throw ImportValueError(
        "'\(text.echoed())' is not an entry id; ids are whole numbers from 1 to \(maximumID) "
          + "(leave it out for a new entry)")
    }
    return id
  }

  /// The largest id an import keeps: far beyond any log, and far below SQLite's last rowid, past which new
  /// entries would be given random ids and no longer list in the order they were logged.
  static let maximumID: Int64 = 999_999_999_999

  /// Whole minutes: `90`, or any duration `tsheet log` reads (`1h30m`, `1:30`), from 1 minute to 24 hours.
  static func minutes(_ text: String) throws(ImportValueError) -> Int {
    if let minutes = Int(text), let length = try? Minutes(entryLength: minutes) { return length.value }  // fast
    do { return try Minutes(parsing: text.trimmed).value } catch { throw ImportValueError("\(error)") }
  }

  /// `minutes` (a fraction, or any size) as one entry's whole minutes, by the entry length rule
  /// (`Minutes(entryLength:)`). `text` is what the file said.
  static func entryLength(_ minutes: Double, written text: String) throws(ImportValueError) -> Int {
    guard minutes.isFinite else { throw ImportValueError("'\(text.echoed())' is not a number") }
    let whole = Int(exactly: minutes.rounded()) ?? (minutes > 0 ? .max : .min)  // past any clock: too long
    do {
      return try Minutes(entryLength: whole).value
    } catch .longerThanADay {
      throw ImportValueError("'\(text.echoed())' is longer than a day; split it into days")
    } catch {
      throw ImportValueError("'\(text.echoed())' is not a positive duration")
    }
  }

  /// Decimal hours with a dot or a comma (`1.5`, `1,50`), as whole minutes.
  static func hours(_ text: String) throws(ImportValueError) -> Int {
    let text = text.trimmed
    let number = text.replacingOccurrences(of: ",", with: ".")
    guard number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }), let hours = Double(number)
    else {
      throw ImportValueError("'\(text.echoed())' is not a number of hours; write it like 1.5")
    }
    return try entryLength(hours * 60, written: text)
  }

  /// A tracker's duration: `HH:MM:SS` (or `HH:MM`), half a minute rounding up, or decimal hours (`2.50`, Toggl's
  /// "decimal" duration format), as whole minutes.
  static func duration(_ text: String) throws(ImportValueError) -> Int {
    let text = text.trimmed
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    if parts.count == 1, text.contains(where: \.isNumber) { return try hours(text) }
    guard (2...3).contains(parts.count),
      parts.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
    else {
      throw ImportValueError("'\(text.echoed())' is not a duration; expected HH:MM:SS or decimal hours like 2.50")
    }
    let numbers = parts.map { Double($0) ?? 0 }
    let seconds = numbers[0] * 3600 + numbers[1] * 60 + (numbers.count == 3 ? numbers[2] : 0)
    return try entryLength((seconds / 60 + 0.5).rounded(.down), written: text)
  }
}

/// A value that is not what its field needs.
struct ImportValueError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}
