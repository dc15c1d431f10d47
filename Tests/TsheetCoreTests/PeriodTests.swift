import Testing
import TsheetCore

@Suite struct PeriodTests {
  func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

  @Test(arguments: [
    (Period.day, "2026-11-20", "2026-11-20"), (.week, "2026-11-20", "2026-W47"), (.month, "2026-11-20", "2026-11"),
    (.year, "2026-11-20", "2026"), (.week, "2027-01-01", "2026-W53"), (.week, "2020-12-31", "2020-W53"),
    (.week, "2021-01-04", "2021-W01"), (.month, "2028-02-29", "2028-02"), (.year, "2026-12-31", "2026"),
  ])
  func columnKeys(period: Period, text: String, key: String) {
    #expect(period.key(of: day(text)) == key)
  }

  @Test func sundayStartWeeksAreNamedAfterTheirFourthDay() {
    // Sunday 2026-11-22 starts the week that holds Wednesday 2026-11-25, in ISO week 48.
    #expect(Period.week.key(of: day("2026-11-22"), weekStart: .sunday) == "2026-W48")
    #expect(Period.week.key(of: day("2026-11-21"), weekStart: .sunday) == "2026-W47")
  }

  @Test func everyPeriodInsideTheRangeHasItsColumn() {
    let range = DayRange(first: day("2026-12-30"), last: day("2027-01-05"))
    #expect(Period.day.keys(covering: range).count == 7)
    #expect(Period.week.keys(covering: range) == ["2026-W53", "2027-W01"])
    #expect(Period.month.keys(covering: range) == ["2026-12", "2027-01"])
    #expect(Period.year.keys(covering: range) == ["2026", "2027"])
    let leap = DayRange(first: day("2028-01-31"), last: day("2028-03-01"))
    #expect(Period.month.keys(covering: leap) == ["2028-01", "2028-02", "2028-03"])
    #expect(Period.day.keys(covering: leap).contains("2028-02-29"))
    #expect(Period.week.keys(covering: DayRange(first: day("2020-01-01"), last: day("2020-12-31"))).count == 53)
    #expect(Period.week.keys(covering: DayRange(first: day("2021-01-04"), last: day("2021-12-31"))).count == 52)
  }
}
