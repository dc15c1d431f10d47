import Testing
import TsheetCore

@testable import TsheetKit

@Suite struct LogRequestTests {
  let context = try! Context(
    environment: ["TSHEET_TODAY": "2026-11-23", "HOME": "/nonexistent"],
    databaseFlag: "/nonexistent/db", configFlag: nil)  // no config: HOME has none

  @Test func theLastWordIsTheDuration() throws {
    let entry = try LogRequest(words: ["Fixed", "SSO", "login", "1h30m"], client: "acme").entry(
      today: context.today, defaultClient: nil, person: "ana")
    #expect(
      entry
        == NewEntry(
          client: "acme", title: "Fixed SSO login", day: CalendarDay(iso: "2026-11-23")!,
          minutes: 90, person: "ana"))
  }

  @Test func minutesOptionLeavesEveryWordToTheTitle() throws {
    let entry = try LogRequest(
      words: ["Call", "2"], client: "acme", date: "fri",
      minutes: 50
    ).entry(today: context.today, defaultClient: nil, person: "ana")
    #expect(entry.title == "Call 2")
    #expect(entry.minutes == 50)
    #expect(entry.day == CalendarDay(iso: "2026-11-20"))
  }

  @Test func aNumberLikeLastWordMustBeADuration() {
    #expect(throws: DurationError.notADuration("3.2")) {
      try LogRequest(words: ["Release", "3.2"], client: "acme").entry(
        today: context.today, defaultClient: nil, person: "ana")
    }
  }

  @Test func refusesIncompleteRequests() {
    #expect(throws: EntryError.missingDuration) {
      try LogRequest(words: ["Fixed SSO login"], client: "acme").entry(
        today: context.today, defaultClient: nil, person: "ana")
    }
    #expect(throws: EntryError.emptyTitle) {
      try LogRequest(words: ["1h"], client: "a").entry(today: context.today, defaultClient: nil, person: "ana")
    }
    #expect(throws: EntryError.emptyTitle) {
      try LogRequest(words: [" ", "1h"], client: "a").entry(today: context.today, defaultClient: nil, person: "ana")
    }
    #expect(throws: LogRequestError.missingClient) {
      try LogRequest(words: ["x", "1h"]).entry(today: context.today, defaultClient: nil, person: "ana")
    }
    #expect(throws: EntryError.emptyClient) {
      try LogRequest(words: ["x", "1h"], client: "  ").entry(today: context.today, defaultClient: nil, person: "ana")
    }
    #expect(throws: DurationError.zero("0")) {
      try LogRequest(words: ["x"], client: "a", minutes: 0).entry(
        today: context.today, defaultClient: nil, person: "ana")
    }
  }

  @Test func listFilterResolvesWeeksAndLimits() throws {
    let week = try ListRequest(filter: FilterRequest(range: RangeRequest(week: "last"))).filter(in: context)
    #expect(week.from == CalendarDay(iso: "2026-11-16"))
    #expect(week.to == CalendarDay(iso: "2026-11-22"))
    #expect(week.limit == nil)
    #expect(try ListRequest().filter(in: context).limit == 50)
    #expect(try ListRequest(limit: 0).filter(in: context).limit == nil)
    #expect(throws: DateError.self) {
      try ListRequest(filter: FilterRequest(range: RangeRequest(from: "2026-11-20", to: "2026-11-19"))).filter(
        in: context)
    }
  }
}
