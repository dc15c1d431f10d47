/// An ISO 8601 week, `2026-W47`: weeks start on Monday and belong to the year that holds their Thursday.
///
/// Note: the week's year can differ from the year of some of its days: 2026-12-31 is in 2026-W53,
/// and 2024-12-30 is in 2025-W01.
package struct ISOWeek: Hashable, Comparable, Sendable {
  package let year: Int
  package let week: Int

  /// The ISO week that holds `day`.
  package init(containing day: CalendarDay) {
    let thursday = day.adding(days: 4 - day.weekday.rawValue)
    year = thursday.year
    week = (thursday.dayNumber - thursday.firstOfYear.dayNumber) / 7 + 1
  }

  /// Reads `2026-W47` (or `2026-w47`), or returns nil when the year has no such week or the week ends past
  /// 9999-12-31 (9999-W53).
  package init?(parsing text: some StringProtocol) {
    let parts = text.uppercased().split(separator: "-W", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let year = Int(parts[0]), let week = Int(parts[1]), (1...9999).contains(year),
      (1...ISOWeek.weeks(in: year)).contains(week)
    else { return nil }
    self.year = year
    self.week = week
    guard monday.adding(days: 6) <= CalendarDay.lastSupported else { return nil }
  }

  /// 52 or 53: a year has 53 ISO weeks when its 28 December falls in week 53.
  package static func weeks(in year: Int) -> Int {
    ISOWeek(containing: CalendarDay(dayNumber: CalendarDay.dayNumber(year: year, month: 12, day: 28))).week
  }

  /// The week's Monday.
  package var monday: CalendarDay {
    let fourthOfJanuary = CalendarDay.januaryFirst(of: year).adding(days: 3)
    return fourthOfJanuary.adding(days: 1 - fourthOfJanuary.weekday.rawValue + (week - 1) * 7)
  }

  package static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }
}

extension ISOWeek: CustomStringConvertible {
  /// `2026-W47`.
  package var description: String {
    let year = String(self.year)
    return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-W" + (week < 10 ? "0" : "") + String(week)
  }
}
