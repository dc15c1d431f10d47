/// The words for a span of days that every command taking a range accepts: `--week`, `--month`, `--year`.
package enum RangeWord {
    /// `last`, `this`, an ISO week (`2026-W47`) or any day word (the week that holds it).
    package static func week(parsing text: String, today: CalendarDay, startingOn start: Weekday) throws(DateError)
        -> DayRange {
        try supported(anyWeek(parsing: text, today: today, startingOn: start), text)
    }

    private static func anyWeek(parsing text: String, today: CalendarDay, startingOn start: Weekday) throws(DateError)
        -> DayRange {
        switch DateWord.folded(text) {
        case "this", "esta": return .week(containing: today, startingOn: start)
        case "last", "pasada", "anterior": return .week(containing: today.adding(days: -7), startingOn: start)
        default: break
        }
        if let week = ISOWeek(parsing: text) {
            return .week(containing: week.monday, startingOn: start)
        }
        return .week(containing: try day(parsing: text, today: today, else: .unknownWeek(text)), startingOn: start)
    }

    /// `last`, `this`, `YYYY-MM` or any day word (the month that holds it).
    package static func month(parsing text: String, today: CalendarDay) throws(DateError) -> DayRange {
        try supported(anyMonth(parsing: text, today: today), text)
    }

    private static func anyMonth(parsing text: String, today: CalendarDay) throws(DateError) -> DayRange {
        switch DateWord.folded(text) {
        case "this", "este": return .month(containing: today)
        case "last", "pasado", "anterior": return .month(containing: today.firstOfMonth.adding(days: -1))
        default: break
        }
        if let first = CalendarDay(iso: text + "-01") { return .month(containing: first) }
        return .month(containing: try day(parsing: text, today: today, else: .unknownMonth(text)))
    }

    /// `last`, `this` or a four-digit year.
    package static func year(parsing text: String, today: CalendarDay) throws(DateError) -> DayRange {
        switch DateWord.folded(text) {
        case "this", "este": return .year(containing: today)
        case "last", "pasado", "anterior": return try supported(.year(containing: today.firstOfYear.adding(days: -1)), text)
        default: break
        }
        guard text.count == 4, let first = CalendarDay(iso: text + "-01-01") else { throw .unknownYear(text) }
        return .year(containing: first)
    }

    /// The day `text` names, or `error` when it names none; a day outside the calendar says so.
    private static func day(parsing text: String, today: CalendarDay, else error: DateError) throws(DateError)
        -> CalendarDay {
        do { return try DateWord.day(parsing: text, today: today) } catch {
            if case .outsideCalendar = error { throw error }
        }
        throw error
    }

    /// `range`, when both its ends lie inside the calendar tsheet keeps.
    private static func supported(_ range: DayRange, _ text: String) throws(DateError) -> DayRange {
        guard range.first.isSupported, range.last.isSupported else { throw .outsideCalendar(text) }
        return range
    }
}
