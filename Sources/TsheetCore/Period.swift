/// The span of days a report column covers.
package enum Period: String, Sendable, CaseIterable {
  case day, week, month, year

  /// The key of the column that holds `day`: `2026-11-20`, `2026-W47`, `2026-11` or `2026`.
  ///
  /// Weeks that start on a day other than Monday are named after the ISO week of their fourth day, so that
  /// Monday-start weeks get exactly their ISO name.
  package func key(of day: CalendarDay, weekStart: Weekday = .monday) -> String {
    switch self {
    case .day: day.description
    case .week:
      ISOWeek(containing: DayRange.week(containing: day, startingOn: weekStart).first.adding(days: 3))
        .description
    case .month: String(day.description.prefix(7))
    case .year: String(day.description.prefix(4))
    }
  }

  /// The first day of the column that holds `day`.
  package func start(of day: CalendarDay, weekStart: Weekday = .monday) -> CalendarDay {
    switch self {
    case .day: day
    case .week: DayRange.week(containing: day, startingOn: weekStart).first
    case .month: day.firstOfMonth
    case .year: day.firstOfYear
    }
  }

  /// The keys of every column from the one holding `range.first` to the one holding `range.last`, in order:
  /// empty periods inside the range get their column too.
  package func keys(covering range: DayRange, weekStart: Weekday = .monday) -> [String] {
    var keys: [String] = []
    var start = start(of: range.first, weekStart: weekStart)
    while start <= range.last {
      keys.append(key(of: start, weekStart: weekStart))
      start = next(after: start)
    }
    return keys
  }

  /// How many keys `keys(covering:weekStart:)` gives, counted without making them: a range of thousands of
  /// years by day must be refused before its millions of columns are made.
  package func columnCount(covering range: DayRange, weekStart: Weekday = .monday) -> Int {
    let first = start(of: range.first, weekStart: weekStart)
    return switch self {
    case .day: range.last.dayNumber - first.dayNumber + 1
    case .week: (range.last.dayNumber - first.dayNumber) / 7 + 1
    case .month: (range.last.year - first.year) * 12 + range.last.month - first.month + 1
    case .year: range.last.year - first.year + 1
    }
  }

  /// The first day of the column after the one starting on `start`.
  private func next(after start: CalendarDay) -> CalendarDay {
    switch self {
    case .day: start.adding(days: 1)
    case .week: start.adding(days: 7)
    case .month: start.adding(days: CalendarDay.daysIn(month: start.month, of: start.year))
    case .year: CalendarDay.januaryFirst(of: start.year + 1)
    }
  }
}
