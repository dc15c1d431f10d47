import Foundation
import TsheetCore

/// A span of time a tracker recorded (Watson's frames, Timewarrior's intervals), in seconds since 1970.
struct TimeSpan {
  let start: Double
  let end: Double

  /// The span from `start` to `end`, checked: both inside the calendar, the end after the start, and not
  /// longer than a year (a forgotten timer runs for days, not for years).
  /// - Throws: a message for the field `endField` or `startField`.
  init(start: Double, end: Double, in timeZone: TimeZone) throws(ImportFieldError) {
    for (seconds, field) in [(start, "start"), (end, "end")] {
      guard (try? TimeSpan.day(of: seconds, in: timeZone)) != nil else {
        throw ImportFieldError(field: field, "is outside the calendar tsheet keeps (years 0001 to 9999)")
      }
    }
    guard end > start else { throw ImportFieldError(field: "end", "ends before it starts") }
    guard end - start <= 366 * 86_400 else {
      throw ImportFieldError(field: "end", "comes more than a year after the start; check the interval")
    }
    self.start = start
    self.end = end
  }

  /// The span cut at local midnight in `timeZone`, as the timer cuts (`MidnightSplit`), to the whole second:
  /// the minutes it holds on each day it touches. A span of a few seconds counts one minute on its first day.
  func minutesByDay(in timeZone: TimeZone) -> [(day: CalendarDay, minutes: Int)] {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    guard let firstDay = try? TimeSpan.day(of: start, in: timeZone) else { return [] }
    var midnights: [Int] = []
    var cursor = start
    while cursor < end,
      let midnight = calendar.nextDate(
        after: Date(timeIntervalSince1970: cursor),
        matching: DateComponents(hour: 0, minute: 0, second: 0),
        matchingPolicy: .nextTime)?.timeIntervalSince1970,
      midnight > cursor
    {
      midnights.append(Int((midnight - start).rounded()))
      cursor = midnight
    }
    return MidnightSplit.minutesByDay(from: firstDay, seconds: Int((end - start).rounded()), midnights: midnights)
      .map { ($0.day, $0.minutes.value) }
  }

  /// Its length to the whole second, in whole minutes, half a minute rounding up: what its parts add up to.
  var minutes: Int { (Int((end - start).rounded()) + 30) / 60 }

  /// `seconds` since 1970 as a local time in `timeZone`, `2026-11-16 09:00:00`, as `timew` shows a start; nil
  /// outside the calendar.
  static func localText(of seconds: Double, in timeZone: TimeZone) -> String? {
    guard let day = try? day(of: seconds, in: timeZone) else { return nil }
    let local = Int(
      (seconds + Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds))))
        .rounded(.down))
    return "\(day) " + ImportValue.clockText(local - day.dayNumber * 86_400)
  }

  /// The calendar day, in `timeZone`, of `seconds` since 1970.
  /// - Throws: when the day is outside the years 0001 to 9999 (or the number is not a time at all).
  static func day(of seconds: Double, in timeZone: TimeZone) throws(ImportValueError) -> CalendarDay {
    guard seconds.isFinite, abs(seconds) < 4e11 else { throw ImportValueError("is not a time") }
    let local = seconds + Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds)))
    let day = CalendarDay(dayNumber: Int((local / 86_400).rounded(.down)))
    guard day.isSupported else { throw ImportValueError("is outside the calendar tsheet keeps") }
    return day
  }

  /// The seconds since 1970 of an ISO 8601 timestamp: `2026-11-20T09:00:00Z`, `2026-11-20T10:00:00+01:00`,
  /// or Timewarrior's `20261120T090000Z`.
  static func seconds(of text: String) throws(ImportValueError) -> Double {
    var text = text.trimmed
    let bytes = Array(text.utf8)
    if bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z"), !text.contains("-") {
      let c = Array(text)  // 20261120T090000Z
      text =
        String(c[0..<4]) + "-" + String(c[4..<6]) + "-" + String(c[6..<8]) + "T" + String(c[9..<11]) + ":"
        + String(c[11..<13]) + ":" + String(c[13..<15]) + "Z"
    }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    var date = formatter.date(from: text)
    if date == nil {
      formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
      date = formatter.date(from: text)
    }
    guard let date else { throw ImportValueError("'\(text.echoed())' is not an ISO 8601 time") }
    return date.timeIntervalSince1970
  }
}

/// A problem with one named field of a record, before the record's place in the file is known.
struct ImportFieldError: Error {
  let field: String?
  let message: String

  init(field: String?, _ message: String) {
    self.field = field
    self.message = message
  }
}
