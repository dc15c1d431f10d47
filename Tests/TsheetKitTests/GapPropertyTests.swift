import Foundation
import PropertyBased
import Testing
import TsheetCore

@testable import TsheetKit

/// Gaps against a plain model, on a real SQLite file: three people's work, leave and the holidays over three
/// weeks drawn at random, looked at on Monday 2026-11-23 with Monday to Friday as workdays.
@Suite struct GapPropertyTests {
  static let people = ["ana", "luis", "Marta"]
  static let days = DayRange(first: CalendarDay(iso: "2026-11-02")!, last: CalendarDay(iso: "2026-11-22")!).days

  /// Bit `i` of a mask is `days[i]`: each person's work, then each person's leave, then the holidays.
  static let masks = Gen.int(in: 0...(1 << 21 - 1)).array(of: 7...7)

  @Test func eachPersonsGapsAreTheirEmptyWorkdaysLessTheirLeaveAndTheHolidays() async throws {
    await propertyCheck(count: 25, input: Self.masks) { masks in
      let (team, each) = try Self.gaps(masks)
      func has(_ mask: Int, _ index: Int) -> Bool { mask >> index & 1 == 1 }
      var model: [PersonGap] = []
      for (index, day) in Self.days.enumerated() where ![.saturday, .sunday].contains(day.weekday) {
        for (number, person) in Self.people.enumerated()
        where !has(masks[number], index) && !has(masks[3 + number], index) && !has(masks[6], index) {
          model.append(PersonGap(person: person, gap: Gap(day: day, logged: Minutes(0), missing: nil)))
        }
      }
      #expect(each == model, "each person's own, asked one at a time")
      let working = Self.people.enumerated().filter { masks[$0.offset] != 0 }.map(\.element)
      #expect(team.people == working.sorted { $0.lowercased() < $1.lowercased() })
      #expect(team.gaps == model.filter { working.contains($0.person) }, "the team's: those with work, together")
    }
  }

  /// The log `masks` draw: the team's gaps over the three weeks, and each person's asked alone.
  static func gaps(_ masks: [Int]) throws -> (team: GapList, each: [PersonGap]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsheet-gaps-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let context = try Context(
      environment: ["TSHEET_TODAY": "2026-11-23", "HOME": "/nonexistent"],
      databaseFlag: folder.path + "/tsheet.sqlite", configFlag: nil)
    let store = try context.openStore()
    for (number, person) in people.enumerated() {
      let acting = try context.acting(as: person)
      for (index, day) in days.enumerated() where masks[number] >> index & 1 == 1 {
        _ = try Logbook(acting, store: store).log(LogRequest(words: ["Work", "1h"], client: "acme", date: "\(day)"))
      }
      let leave = days.indices.filter { masks[3 + number] >> $0 & 1 == 1 }.map { days[$0] }
      try WorkCalendar(context, store: store).markOff(leave, for: person, reason: "leave")
    }
    let holidays = days.indices.filter { masks[6] >> $0 & 1 == 1 }.map { days[$0] }
    let calendar = WorkCalendar(context, store: store)
    try calendar.markOff(holidays, for: nil, reason: nil)
    let range = RangeRequest(from: "2026-11-02", to: "2026-11-22")
    let team = try calendar.gaps(GapsRequest(range: range, team: true))
    let each = try people.flatMap { person in
      try calendar.gaps(GapsRequest(range: range, person: person)).gaps
    }.sorted {
      ($0.gap.day, people.firstIndex(of: $0.person) ?? 0) < ($1.gap.day, people.firstIndex(of: $1.person) ?? 0)
    }
    return (team, each)
  }
}
