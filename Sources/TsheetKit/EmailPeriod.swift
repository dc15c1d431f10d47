import TsheetCore
import TsheetRender

extension Context {
    /// The days an email variant covers: a day (`day`, default today), a week (`week`, default the last full
    /// one) or a month (`month`, default last month).
    package func emailPeriod(_ variant: EmailVariant, day: String?, week: String?, month: String?) throws -> DayRange {
        switch variant {
        case .day:
            let day = try DateWord.day(parsing: day ?? "today", today: today)
            return DayRange(first: day, last: day)
        case .week:
            return try self.week(named: week)
        case .month:
            return try RangeWord.month(parsing: month ?? "last", today: today)
        }
    }
}
