/// The words for a span of days that every command taking a range accepts: `--week`, `--month`, `--year`.
package enum RangeWord {
  /// `last`, `this`, an ISO week (`2026-W47`) or any day word (the week that holds it).
  package static func week(parsing text: String, today: CalendarDay, startingOn start: Weekday) throws(DateError)
    -> DayRange
  {
    try supported(anyWeek(parsing: text, today: today, startingOn: start), text)
  }

  private static func anyWeek(parsing text: String, today: CalendarDay, startingOn start: Weekday) throws(DateError)
    -> DayRange
  {
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

  /// Any span one word names, as `gaps` and `off` take it: a week (`last`, `this`, `2026-W47`), a month
  /// (`2026-11`), a year (`2026`), the days from one to another (`2026-12-24..2026-12-31`, `mon..wed`), or one
  /// day (`today`, `2026-12-08`).
  package static func span(parsing text: String, today: CalendarDay, startingOn start: Weekday) throws(DateError)
    -> DayRange
  {
    if let dots = text.firstRange(of: "..") {
      let first = try day(parsing: String(text[..<dots.lowerBound]), today: today, else: .unknownSpan(text))
      let last = try day(parsing: String(text[dots.upperBound...]), today: today, else: .unknownSpan(text))
      guard first <= last else { throw .unknownSpan(text) }
      return DayRange(first: first, last: last)
    }
    if ["this", "esta", "last", "pasada", "anterior"].contains(DateWord.folded(text)) || ISOWeek(parsing: text) != nil {
      return try week(parsing: text, today: today, startingOn: start)
    }
    if text.utf8.count == 7, CalendarDay(iso: text + "-01") != nil { return try month(parsing: text, today: today) }
    if text.utf8.count == 4, CalendarDay(iso: text + "-01-01") != nil { return try year(parsing: text, today: today) }
    let day = try day(parsing: text, today: today, else: .unknownSpan(text))
    return DayRange(first: day, last: day)
  }

  /// The day `text` names, or `error` when it names none; a day outside the calendar says so.
  private static func day(parsing text: String, today: CalendarDay, else error: DateError) throws(DateError)
    -> CalendarDay
  {
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
