import TsheetCore

/// Which email, and which days it covers: a day (`day`, default today), a week (`week`, default the last full
/// one, so that on a Monday it is the week just ended) or a month (`month`, default last month).
package struct EmailPeriodRequest: Sendable, Equatable {
  package var variant: EmailVariant
  package var day: String?
  package var week: String?
  package var month: String?

  package init(variant: EmailVariant = .week, day: String? = nil, week: String? = nil, month: String? = nil) {
    self.variant = variant
    self.day = day
    self.week = week
    self.month = month
  }

  /// The days, read against `context`'s today and first weekday.
  package func range(in context: Context) throws -> DayRange {
    switch variant {
    case .day:
      let day = try DateWord.day(parsing: day ?? "today", today: context.today)
      return DayRange(first: day, last: day)
    case .week:
      return try RangeWord.week(parsing: week ?? "last", today: context.today, startingOn: context.config.weekStart)
    case .month:
      return try RangeWord.month(parsing: month ?? "last", today: context.today)
    }
  }
}
