/// The words for a span of days that every command taking a range accepts: `--week`, `--month`, `--year`.
package enum RangeWord {
    /// `last`, `this`, an ISO week (`2026-W47`) or any day word (the week that holds it).
    package static func week(parsing text: String, today: CalendarDay, startingOn start: Weekday) throws(DateError)
        -> DayRange {
        switch DateWord.folded(text) {
        case "this", "esta": return .week(containing: today, startingOn: start)
        case "last", "pasada", "anterior": return .week(containing: today.adding(days: -7), startingOn: start)
        default: break
        }
        if let week = ISOWeek(parsing: text) {
            return .week(containing: week.monday, startingOn: start)
        }
        guard let day = try? DateWord.day(parsing: text, today: today) else { throw .unknownWeek(text) }
        return .week(containing: day, startingOn: start)
    }

    /// `last`, `this`, `YYYY-MM` or any day word (the month that holds it).
    package static func month(parsing text: String, today: CalendarDay) throws(DateError) -> DayRange {
        switch DateWord.folded(text) {
        case "this", "este": return .month(containing: today)
        case "last", "pasado", "anterior": return .month(containing: today.firstOfMonth.adding(days: -1))
        default: break
        }
        if let first = CalendarDay(iso: text + "-01") { return .month(containing: first) }
        guard let day = try? DateWord.day(parsing: text, today: today) else { throw .unknownMonth(text) }
        return .month(containing: day)
    }

    /// `last`, `this` or a four-digit year.
    package static func year(parsing text: String, today: CalendarDay) throws(DateError) -> DayRange {
        switch DateWord.folded(text) {
        case "this", "este": return .year(containing: today)
        case "last", "pasado", "anterior": return .year(containing: CalendarDay(year: today.year - 1, month: 1, day: 1)!)
        default: break
        }
        guard text.count == 4, let first = CalendarDay(iso: text + "-01-01") else { throw .unknownYear(text) }
        return .year(containing: first)
    }
}
