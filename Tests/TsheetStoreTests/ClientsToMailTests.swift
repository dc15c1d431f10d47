import Testing
import TsheetCore

@testable import TsheetStore

/// Who the Monday batch writes to: one query on either engine.
@Suite struct ClientsToMailTests {
  @Test(arguments: Engine.all) func clientsWithHoursInTheRangeAndSomeoneToWriteTo(engine: Engine) throws {
    let store = try engine.makeStore()
    for (client, date) in [
      ("acme", "2026-11-17"), ("Globex", "2026-11-18"), ("Initech", "2026-11-09"),
      ("Émile", "2026-11-20"), ("zeta", "2026-11-16"),
    ] {
      _ = try store.add(entry(client, "Work", date, 60))
    }
    let person = Recipient(address: "someone@example.com")
    try store.write { log in
      _ = try log.setMailSettings(of: "acme", to: [person], cc: nil, language: nil)
      _ = try log.setMailSettings(of: "Globex", to: nil, cc: [person], language: nil)  // Cc alone: no one to write to
      _ = try log.setMailSettings(of: "Initech", to: [person], cc: nil, language: nil)  // no hours that week
      _ = try log.setMailSettings(of: "émile", to: [person], cc: nil, language: nil)
      _ = try log.setMailSettings(of: "Nobody", to: [person], cc: nil, language: nil)  // no hours at all
    }
    let week = DayRange(first: day("2026-11-16"), last: day("2026-11-22"))
    #expect(try store.read { try $0.clientsToMail(over: week) } == ["acme", "Émile"])
    let earlier = DayRange(first: day("2026-11-09"), last: day("2026-11-15"))
    #expect(try store.read { try $0.clientsToMail(over: earlier) } == ["Initech"])
  }
}
