import TsheetCore

/// A span written as local dates and clock times, as Toggl's and Clockify's Start and End columns give it.
struct ClockSpan {
  let firstDay: CalendarDay
  /// Seconds after midnight.
  let start: Int
  let lastDay: CalendarDay
  let end: Int

  init(firstDay: CalendarDay, start: Int, lastDay: CalendarDay, end: Int) throws(ImportValueError) {
    guard lastDay.dayNumber - firstDay.dayNumber <= 366 else {
      throw ImportValueError("ends more than a year after it starts; check the entry")
    }
    self.firstDay = firstDay
    self.start = start
    self.lastDay = lastDay
    self.end = end
  }

  /// Its whole length in minutes, half a minute rounding up.
  var minutes: Int { ((lastDay.dayNumber - firstDay.dayNumber) * 86_400 + end - start + 30) / 60 }

  /// The minutes on each day from the start to the end, cut at midnight as the timer cuts (`MidnightSplit`).
  func minutesByDay() -> [(day: CalendarDay, minutes: Int)] {
    let seconds = (lastDay.dayNumber - firstDay.dayNumber) * 86_400 + end - start
    return MidnightSplit.minutesByDay(from: LocalTime(day: firstDay, plus: start), seconds: max(0, seconds)).map {
      ($0.day, $0.minutes.value)
    }
  }
}

extension ImportValue {
  /// `seconds` after midnight as `09:00:00`.
  static func clockText(_ seconds: Int) -> String {
    func two(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
    return "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
  }

  /// A clock time, `09:00`, `09:00:00` or `09:00:00 AM`, as seconds after midnight.
  static func clockTime(_ text: String) throws(ImportValueError) -> Int {
    var clock = text.trimmed.uppercased()
    var afternoon: Bool?  // nil on a 24-hour clock
    for (suffix, isPM) in [("AM", false), ("PM", true)] where clock.hasSuffix(suffix) {
      clock = String(clock.dropLast(2)).trimmed
      afternoon = isPM
    }
    let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
    guard (2...3).contains(parts.count),
      parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let hour = Int(parts[0]), let minute = Int(parts[1]), let second = parts.count == 3 ? Int(parts[2]) : 0,
      minute < 60, second < 60, afternoon == nil ? hour < 24 : (1...12).contains(hour)
    else {
      throw ImportValueError("'\(text.echoed())' is not a time of day; expected HH:MM:SS")
    }
    let hours = afternoon.map { hour % 12 + ($0 ? 12 : 0) } ?? hour
    return hours * 3600 + minute * 60 + second
  }
}
