/// A moment on the user's wall clock, to the second: a calendar day and the seconds since its midnight, with no
/// time zone. The timer keeps its start this way, and `TSHEET_NOW` and `status --format json` write it
/// (`2026-11-23T09:00`). Lengths between two of them follow the wall clock, across a change of summer time too.
package struct LocalTime: Hashable, Comparable, Sendable {
  package let day: CalendarDay
  /// Seconds since the day's midnight: 0 to 86,399.
  package let second: Int

  package static let secondsPerDay = 86_400

  /// Creates the moment, or nil when `second` is outside the day.
  package init?(day: CalendarDay, second: Int) {
    guard (0..<Self.secondsPerDay).contains(second) else { return nil }
    self.day = day
    self.second = second
  }

  /// The moment `seconds` after `day`'s midnight, which may fall on a later (or, negative, an earlier) day.
  package init(day: CalendarDay, plus seconds: Int) {
    let days = seconds >= 0 ? seconds / Self.secondsPerDay : (seconds + 1) / Self.secondsPerDay - 1
    self.day = day.adding(days: days)
    second = seconds - days * Self.secondsPerDay
  }

  /// Reads `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (a space instead of the `T` too), or returns nil.
  package init?(iso text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 16 || bytes.count == 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
      let day = CalendarDay(iso: String(decoding: bytes[0..<10], as: UTF8.self))
    else { return nil }
    var parts: [Int] = []
    for start in stride(from: 11, to: bytes.count, by: 3) {
      guard start == 11 || bytes[start - 1] == UInt8(ascii: ":") else { return nil }
      let digits = bytes[start..<start + 2]
      guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
      parts.append(digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
    }
    let (hour, minute, second) = (parts[0], parts[1], parts.count > 2 ? parts[2] : 0)
    guard hour < 24, minute < 60, second < 60 else { return nil }
    self.init(day: day, second: hour * 3600 + minute * 60 + second)
  }

  /// The seconds from `earlier` to this moment, by the wall clock; negative when `earlier` is later.
  package func seconds(since earlier: LocalTime) -> Int {
    (day.dayNumber - earlier.day.dayNumber) * Self.secondsPerDay + second - earlier.second
  }

  /// The moment `seconds` later (earlier when negative).
  package func adding(seconds: Int) -> LocalTime { LocalTime(day: day, plus: second + seconds) }

  /// `09:05`: the time of day, to the minute.
  package var clock: String {
    let (hour, minute) = (second / 3600, second / 60 % 60)
    return "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
  }

  /// `2026-11-23T09:05`: to the minute, as `status --format json` and `TSHEET_NOW` write it.
  package var isoMinute: String { "\(day)T\(clock)" }

  /// `2026-11-23T09:05:30`: to the second, as the log stores it.
  package var isoSecond: String {
    let seconds = second % 60
    return "\(isoMinute):\(seconds < 10 ? "0" : "")\(seconds)"
  }

  package static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { (lhs.day, lhs.second) < (rhs.day, rhs.second) }
}
