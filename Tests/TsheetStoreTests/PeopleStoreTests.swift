import Testing
import TsheetCore

@testable import TsheetStore

/// `tsheet people rename`: one person's entries and timer become another's, on both engines, with the daily
/// totals and the import keys following.
@Suite struct PeopleStoreTests {
  let nine = LocalTime(iso: "2026-11-23T09:00")!

  func entry(_ title: String, _ date: String, _ minutes: Int, by person: String) -> NewEntry {
    var entry = TsheetStoreTests.entry("acme", title, date, minutes)
    entry.person = person
    return entry
  }

  /// The minutes each person has in the log, from the daily totals.
  func minutesByPerson(_ store: any Store) throws -> [String: Int] {
    let cells = try store.read {
      try $0.pivotCells(matching: EntryFilter(), rows: .person, bucket: nil, billing: .asLogged)
    }
    return Dictionary(cells.map { ($0.row.person ?? "", $0.minutes.value) }, uniquingKeysWith: +)
  }

  @Test(arguments: Engine.all) func aRenamedPersonsWorkAndTimerBecomeTheOthers(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("Fixed SSO login", "2026-11-16", 90, by: "Ana Ruiz"))
    _ = try store.add(entry("Weekly sync", "2026-11-16", 30, by: "ana"))
    _ = try store.add(entry("Warehouse Wi-Fi", "2026-11-17", 60, by: "luis"))
    _ = try store.write { try $0.start(RunningTimer(client: "acme", title: "Review", started: nine), for: "Ana Ruiz") }
    #expect(try store.write { try $0.renamePerson("Ana Ruiz", to: "ana") } == 1)
    #expect(try minutesByPerson(store) == ["ana": 120, "luis": 60])
    #expect(
      try store.entries(matching: EntryFilter(person: "ana")).map(\.title).sorted() == [
        "Fixed SSO login", "Weekly sync",
      ])
    #expect(try store.read { try $0.timer(of: "ana") }?.title == "Review")
    #expect(try store.read { try $0.timer(of: "Ana Ruiz") } == nil)
  }

  @Test(arguments: Engine.all) func aPersonWithNothingOrTwoTimersIsRefusedUntouched(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("Fixed SSO login", "2026-11-16", 90, by: "Ana Ruiz"))
    #expect(throws: StoreError.noSuchPerson(name: "Marta")) {
      try store.write { try $0.renamePerson("Marta", to: "ana") }
    }
    for person in ["Ana Ruiz", "ana"] {
      _ = try store.write { try $0.start(RunningTimer(client: "acme", title: person, started: nine), for: person) }
    }
    #expect(throws: StoreError.bothTimersRun(old: "Ana Ruiz", new: "ana")) {
      try store.write { try $0.renamePerson("Ana Ruiz", to: "ana") }
    }
    #expect(try minutesByPerson(store) == ["Ana Ruiz": 90])
    #expect(try store.read { try $0.timer(of: "Ana Ruiz") }?.title == "Ana Ruiz")
  }

  /// Rows an import brought as one person's, renamed, are still the rows that import brought: the file again,
  /// now read as the new name's, adds nothing (identical rows included), and a row the log lacks is added.
  @Test(arguments: Engine.all) func theSameFileImportedAgainUnderTheNewNameAddsNothing(engine: Engine) throws {
    let store = try engine.makeStore()
    let rows = [
      ("Go-live", "2026-11-16", 120), ("Go-live", "2026-11-16", 120), ("Review", "2026-11-17", 45),
    ]
    func importRows(as person: String, extra: Bool = false) throws -> ImportSummary {
      try store.importEntries(dryRun: false) { add in
        for (title, day, minutes) in rows { try add(entry(title, day, minutes, by: person), nil) }
        if extra { try add(entry("New work", "2026-11-18", 15, by: person), nil) }
      }
    }
    #expect(try importRows(as: "Ana Ruiz").total == 3)
    #expect(try store.write { try $0.renamePerson("Ana Ruiz", to: "ana") } == 3)
    let again = try importRows(as: "ana", extra: true)
    #expect(again.total == 1, "only the new row")
    #expect(again.skipped == 3)
    #expect(try minutesByPerson(store) == ["ana": 300])
  }
}
