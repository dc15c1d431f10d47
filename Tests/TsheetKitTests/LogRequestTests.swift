import Testing
import TsheetCore
@testable import TsheetKit

@Suite struct LogRequestTests {
    let context = try! Context(environment: ["TSHEET_TODAY": "2026-11-23", "HOME": "/nonexistent"],
                               databaseFlag: "/nonexistent/db", configFlag: "/nonexistent/config.toml")

    @Test func theLastWordIsTheDuration() throws {
        let entry = try context.newEntry(from: LogRequest(words: ["Fixed", "SSO", "login", "1h30m"], client: "acme"))
        #expect(entry == NewEntry(client: "acme", title: "Fixed SSO login", day: CalendarDay(iso: "2026-11-23")!,
                                  minutes: 90))
    }

    @Test func minutesOptionLeavesEveryWordToTheTitle() throws {
        let entry = try context.newEntry(from: LogRequest(words: ["Call", "2"], client: "acme", date: "fri",
                                                          minutes: 50))
        #expect(entry.title == "Call 2")
        #expect(entry.minutes == 50)
        #expect(entry.day == CalendarDay(iso: "2026-11-20"))
    }

    @Test func aNumberLikeLastWordMustBeADuration() {
        #expect(throws: DurationError.notADuration("3.2")) {
            try context.newEntry(from: LogRequest(words: ["Release", "3.2"], client: "acme"))
        }
    }

    @Test func refusesIncompleteRequests() {
        #expect(throws: EntryError.missingDuration) {
            try context.newEntry(from: LogRequest(words: ["Fixed SSO login"], client: "acme"))
        }
        #expect(throws: EntryError.emptyTitle) { try context.newEntry(from: LogRequest(words: ["1h"], client: "a")) }
        #expect(throws: EntryError.emptyTitle) {
            try context.newEntry(from: LogRequest(words: [" ", "1h"], client: "a"))
        }
        #expect(throws: LogRequestError.missingClient) { try context.newEntry(from: LogRequest(words: ["x", "1h"])) }
        #expect(throws: EntryError.emptyClient) {
            try context.newEntry(from: LogRequest(words: ["x", "1h"], client: "  "))
        }
        #expect(throws: DurationError.zero("0")) {
            try context.newEntry(from: LogRequest(words: ["x"], client: "a", minutes: 0))
        }
    }

    @Test func listFilterResolvesWeeksAndLimits() throws {
        let week = try context.filter(for: ListRequest(range: RangeRequest(week: "last")))
        #expect(week.from == CalendarDay(iso: "2026-11-16"))
        #expect(week.to == CalendarDay(iso: "2026-11-22"))
        #expect(week.limit == nil)
        #expect(try context.filter(for: ListRequest()).limit == 50)
        #expect(try context.filter(for: ListRequest(limit: 0)).limit == nil)
        #expect(throws: DateError.self) { try context.filter(for: ListRequest(range: RangeRequest(from: "2026-11-20", to: "2026-11-19"))) }
    }
}
