import Testing
import TsheetCore

@Suite struct DateWordTests {
  /// A Monday.
  let today = CalendarDay(iso: "2026-11-23")!

  @Test(arguments: [
    ("today", "2026-11-23"), ("hoy", "2026-11-23"), ("yesterday", "2026-11-22"), ("Ayer", "2026-11-22"),
    ("mon", "2026-11-23"), ("lunes", "2026-11-23"), ("fri", "2026-11-20"), ("vie", "2026-11-20"),
    ("sun", "2026-11-22"), ("tue", "2026-11-17"), ("Miércoles", "2026-11-18"), ("mié", "2026-11-18"),
    ("sáb", "2026-11-21"), ("2026-02-28", "2026-02-28"), ("2028-02-29", "2028-02-29"), ("YESTERDAY", "2026-11-22"),
    (" Mon\t", "2026-11-23"), (" MIÉ ", "2026-11-18"),
  ])
  func resolvesWordsAgainstToday(word: String, day: String) throws {
    #expect(try DateWord.day(parsing: word, today: today).description == day)
  }

  @Test func yesterdayOnNewYearsDayIsLastYear() throws {
    #expect(
      try DateWord.day(parsing: "yesterday", today: CalendarDay(iso: "2027-01-01")!).description
        == "2026-12-31")
    #expect(try DateWord.day(parsing: "thu", today: CalendarDay(iso: "2027-01-01")!).description == "2026-12-31")
  }

  @Test(arguments: ["11/12", "12.11.2026", "2026/11/20", "1/2"])
  func refusesAmbiguousForms(word: String) {
    #expect(throws: DateError.ambiguousDay(word)) { try DateWord.day(parsing: word, today: today) }
  }

  @Test(arguments: ["tomorrowish", "2026-02-29", "", "next week", "moon"])
  func refusesUnknownWords(word: String) {
    #expect(throws: DateError.unknownDay(word)) { try DateWord.day(parsing: word, today: today) }
  }
}

@Suite struct RangeWordTests {
  let today = CalendarDay(iso: "2026-11-23")!

  func range(_ first: String, _ last: String) -> DayRange {
    DayRange(first: CalendarDay(iso: first)!, last: CalendarDay(iso: last)!)
  }

  @Test func weeks() throws {
    #expect(try RangeWord.week(parsing: "this", today: today, startingOn: .monday) == range("2026-11-23", "2026-11-29"))
    #expect(try RangeWord.week(parsing: "last", today: today, startingOn: .monday) == range("2026-11-16", "2026-11-22"))
    #expect(
      try RangeWord.week(parsing: "2026-W53", today: today, startingOn: .monday)
        == range("2026-12-28", "2027-01-03"))
    #expect(
      try RangeWord.week(parsing: "2026-11-19", today: today, startingOn: .monday)
        == range("2026-11-16", "2026-11-22"))
    #expect(try RangeWord.week(parsing: "this", today: today, startingOn: .sunday) == range("2026-11-22", "2026-11-28"))
    #expect(throws: DateError.unknownWeek("2027-W53")) {
      try RangeWord.week(parsing: "2027-W53", today: today, startingOn: .monday)
    }
  }

  @Test func months() throws {
    #expect(try RangeWord.month(parsing: "this", today: today) == range("2026-11-01", "2026-11-30"))
    #expect(
      try RangeWord.month(parsing: "last", today: CalendarDay(iso: "2027-01-15")!)
        == range("2026-12-01", "2026-12-31"))
    #expect(try RangeWord.month(parsing: "2028-02", today: today) == range("2028-02-01", "2028-02-29"))
    #expect(throws: DateError.unknownMonth("2026-13")) { try RangeWord.month(parsing: "2026-13", today: today) }
  }

  @Test func years() throws {
    #expect(try RangeWord.year(parsing: "2026", today: today) == range("2026-01-01", "2026-12-31"))
    #expect(try RangeWord.year(parsing: "last", today: today) == range("2025-01-01", "2025-12-31"))
    #expect(throws: DateError.unknownYear("26")) { try RangeWord.year(parsing: "26", today: today) }
  }
}
