/// An inclusive range of calendar days: a week, a month, a year or any `--from`/`--to` span.
package struct DayRange: Hashable, Sendable {
  package let first: CalendarDay
  package let last: CalendarDay

  /// Creates the range; `first` must not be after `last`.
  package init(first: CalendarDay, last: CalendarDay) {
    precondition(first <= last, "a day range runs forwards")
    self.first = first
    self.last = last
  }

  /// Every day of the range, in order.
  package var days: [CalendarDay] { (first.dayNumber...last.dayNumber).map(CalendarDay.init(dayNumber:)) }

  /// The week that holds `day`, for weeks that start on `start` (ISO weeks start on Monday).
  package static func week(containing day: CalendarDay, startingOn start: Weekday = .monday) -> DayRange {
    let offset = (day.weekday.rawValue - start.rawValue + 7) % 7
    let first = day.adding(days: -offset)
    return DayRange(first: first, last: first.adding(days: 6))
  }

  /// The calendar month that holds `day`.
  package static func month(containing day: CalendarDay) -> DayRange {
    let first = day.firstOfMonth
    return DayRange(first: first, last: first.adding(days: CalendarDay.daysIn(month: day.month, of: day.year) - 1))
  }

  /// The calendar year that holds `day`.
  package static func year(containing day: CalendarDay) -> DayRange {
    DayRange(first: day.firstOfYear, last: CalendarDay.januaryFirst(of: day.year + 1).adding(days: -1))
  }
}
