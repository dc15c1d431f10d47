import Testing
import TsheetCore

@Suite struct CalendarDayTests {
  @Test func dayNumbersRoundTripOverFourCenturies() {
    var previous = CalendarDay(dayNumber: -200_000)
    for number in -199_999...200_000 {
      let day = CalendarDay(dayNumber: number)
      #expect(day.dayNumber == number)
      #expect(previous < day)
      previous = day
    }
  }

  @Test(arguments: [("1970-01-01", 0), ("2000-02-29", 11_016), ("2026-11-20", 20_777), ("1969-12-31", -1)])
  func knownDayNumbers(text: String, number: Int) {
    #expect(CalendarDay(iso: text)?.dayNumber == number)
  }

  @Test(arguments: [
    ("2026-11-20", Weekday.friday), ("2026-11-23", .monday), ("2000-01-01", .saturday),
    ("1970-01-01", .thursday), ("2026-11-22", .sunday),
  ])
  func weekdays(text: String, weekday: Weekday) {
    #expect(CalendarDay(iso: text)?.weekday == weekday)
  }

  @Test func leapDaysExistOnlyInLeapYears() {
    #expect(CalendarDay(iso: "2024-02-29") != nil)
    #expect(CalendarDay(iso: "2000-02-29") != nil)
    #expect(CalendarDay(iso: "1900-02-29") == nil)
    #expect(CalendarDay(iso: "2026-02-29") == nil)
    #expect(CalendarDay(iso: "2028-02-29")!.adding(days: 1).description == "2028-03-01")
  }

  @Test func isoTextRoundTripsForEveryDayOfTheCalendarsEnds() {
    for start in ["0001-01-01", "1969-12-25", "9999-12-01"] {
      var day = CalendarDay(iso: start)!
      for _ in 0..<31 {
        #expect(CalendarDay(iso: day.description) == day)
        day = day.adding(days: 1)
      }
    }
    #expect(CalendarDay(iso: "0987-06-05")!.description == "0987-06-05")
    #expect(CalendarDay(iso: "9999-12-31")!.adding(days: 1).description == "10000-01-01")
  }

  @Test func yearEndRollsOver() {
    #expect(CalendarDay(iso: "2026-12-31")!.adding(days: 1).description == "2027-01-01")
    #expect(CalendarDay(iso: "2027-01-01")!.adding(days: -1).description == "2026-12-31")
  }

  @Test(arguments: [
    "2026-13-01", "2026-11-31", "2026-1-05", "26-11-20", "2026/11/20", "2026-11-2x", "",
    "2026-11-20T10:00", " 2026-11-20", "２０２６-11-20",
  ])
  func strictISOFormOnly(text: String) {
    #expect(CalendarDay(iso: text) == nil)
  }
}

@Suite struct ISOWeekTests {
  @Test(arguments: [
    ("2008-12-29", "2009-W01"), ("2026-12-31", "2026-W53"), ("2027-01-01", "2026-W53"),
    ("2027-01-03", "2026-W53"), ("2027-01-04", "2027-W01"), ("2024-12-30", "2025-W01"),
    ("2020-12-31", "2020-W53"), ("2021-01-03", "2020-W53"), ("2026-11-20", "2026-W47"),
    ("2026-01-01", "2026-W01"), ("2024-02-29", "2024-W09"),
  ])
  func weekOfDay(text: String, week: String) {
    #expect(ISOWeek(containing: CalendarDay(iso: text)!).description == week)
  }

  @Test(arguments: [(2020, 53), (2026, 53), (2015, 53), (2021, 52), (2025, 52), (2027, 52)])
  func weeksInYear(year: Int, weeks: Int) {
    #expect(ISOWeek.weeks(in: year) == weeks)
  }

  @Test(arguments: [
    ("2026-W47", "2026-11-16"), ("2026-W53", "2026-12-28"), ("2009-W01", "2008-12-29"),
    ("2027-w01", "2027-01-04"),
  ])
  func mondayOfParsedWeek(text: String, monday: String) {
    #expect(ISOWeek(parsing: text)?.monday.description == monday)
  }

  @Test(arguments: [
    "2027-W53", "2026-W00", "2026-W54", "2026W47", "2026-47", "W47", "2026-W4x", "+026-W47",
    "2026-W+7", "2026-W047", "２０２６-W47",
  ])
  func refusesWeeksThatDoNotExist(text: String) {
    #expect(ISOWeek(parsing: text) == nil)
  }
}
