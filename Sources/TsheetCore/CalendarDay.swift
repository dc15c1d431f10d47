/// A day of the proleptic Gregorian calendar, with no time and no time zone: the day an entry belongs to.
package struct CalendarDay: Hashable, Comparable, Sendable {
  package let year: Int
  package let month: Int
  package let day: Int

  /// Creates the day, or nil when no such day exists (`2026-02-29`).
  package init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDay.daysIn(month: month, of: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The first day tsheet keeps: the calendar of four-digit years starts here.
  package static let firstSupported = CalendarDay(dayNumber: dayNumber(year: 1, month: 1, day: 1))
  /// The last day tsheet keeps.
  package static let lastSupported = CalendarDay(dayNumber: dayNumber(year: 9999, month: 12, day: 31))

  /// Whether the day lies in the years 0001 to 9999, the only ones a log stores. Arithmetic near either end
  /// (the week before 0001-01-03, the week of 9999-12-31) can step outside; callers that take a day from a
  /// person or a file check this before using it.
  package var isSupported: Bool { (1...9999).contains(year) }

  /// Days since 1970-01-01 (negative before it): days can be counted, compared and added without a calendar.
  package var dayNumber: Int { Self.dayNumber(year: year, month: month, day: day) }

  /// The day number of any year, month and day, checked or not (Howard Hinnant's days_from_civil).
  static func dayNumber(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// 1 January of `year`, for any year: arithmetic near the calendar's ends needs years 0 and 10000 too.
  package static func januaryFirst(of year: Int) -> CalendarDay {
    CalendarDay(dayNumber: dayNumber(year: year, month: 1, day: 1))
  }

  /// The day `dayNumber` days after 1970-01-01.
  package init(dayNumber: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let month = mp < 10 ? mp + 3 : mp - 9
    self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.month = month
    self.day = dayOfYear - (153 * mp + 2) / 5 + 1
  }

  /// The ISO weekday: Monday is 1, Sunday is 7.
  package var weekday: Weekday {
    // 1970-01-01 was a Thursday (4).
    Weekday(rawValue: ((dayNumber + 3) % 7 + 7) % 7 + 1)!
  }

  /// The day `count` days later (earlier when negative).
  package func adding(days count: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + count) }

  /// The first day of this day's month.
  package var firstOfMonth: CalendarDay { adding(days: 1 - day) }

  /// 1 January of this day's year.
  package var firstOfYear: CalendarDay { CalendarDay.januaryFirst(of: year) }

  /// Whether February has 29 days in `year`.
  package static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

  /// The number of days in `month` of `year`.
  package static func daysIn(month: Int, of year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  package static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}

extension CalendarDay: CustomStringConvertible {
  /// The ISO 8601 form, `2026-11-20`: how days are stored, exported and compared as text.
  package var description: String {
    guard (1...9999).contains(year) else {  // only arithmetic past the calendar's ends gets here
      return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
    // Written digit by digit into ten bytes: every row of an export and every day key goes through here.
    return String(unsafeUninitializedCapacity: 10) { bytes in
      func digits(_ value: Int, at start: Int, count: Int) {
        var rest = value
        for index in (start..<start + count).reversed() {
          bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
        }
      }
      digits(year, at: 0, count: 4)
      bytes[4] = UInt8(ascii: "-")
      digits(month, at: 5, count: 2)
      bytes[7] = UInt8(ascii: "-")
      digits(day, at: 8, count: 2)
      return 10
    }
  }

  /// Reads the strict ISO form `YYYY-MM-DD`, or returns nil.
  package init?(iso text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
    self.init(year: year, month: month, day: day)
  }
}
