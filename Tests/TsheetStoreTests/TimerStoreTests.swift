import GRDB
import Testing
import TsheetCore

@testable import TsheetStore

@Suite struct TimerStoreTests {
  let nine = LocalTime(iso: "2026-11-23T09:00:30")!

  func timer(_ client: String = "ACME", title: String = "Fixed SSO login") -> RunningTimer {
    RunningTimer(client: client, title: title, description: "IdP clock", started: nine)
  }

  @Test(arguments: Engine.all) func aTimerIsKeptPerPersonToTheSecond(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("acme", "Earlier", "2026-11-20", 30))
    let started = try store.write { try $0.start(timer(), for: "ana") }
    #expect(started == RunningTimer(client: "acme", title: "Fixed SSO login", description: "IdP clock", started: nine))
    #expect(try store.read { try $0.timer(of: "ana") } == started)
    #expect(try store.read { try $0.timer(of: "luis") } == nil)
    _ = try store.write { try $0.start(timer("globex"), for: "luis") }
    try store.write { try $0.removeTimer(of: "ana") }
    #expect(try store.read { try $0.timer(of: "ana") } == nil)
    #expect(try store.read { try $0.timer(of: "luis") }?.client == "globex")
  }

  @Test(arguments: Engine.all) func onePersonRunsOneTimer(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.write { try $0.start(timer(), for: "ana") }
    let error = #expect(throws: StoreError.self) {
      try store.write { try $0.start(timer(title: "Another"), for: "ana") }
    }
    guard case .unexpectedShape(store.location, let reason)? = error else {
      Issue.record("\(String(describing: error))")
      return
    }
    #expect(reason.lowercased().contains("unique"), "\(reason)")
    #expect(try store.read { try $0.timer(of: "ana") }?.title == "Fixed SSO login")
  }

  @Test(arguments: Engine.all) func aMergedClientTakesItsTimerAlong(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("globex", "Call", "2026-11-20", 30))
    _ = try store.write { try $0.start(timer("Initech"), for: "ana") }
    #expect(try store.mergeClient("initech", into: "Globex") == 0)
    #expect(try store.read { try $0.timer(of: "ana") }?.client == "globex")
    try store.renameClient("globex", to: "Globex Corp")
    #expect(try store.read { try $0.timer(of: "ana") }?.client == "Globex Corp")
  }

  @Test func aStartThatIsNoTimeIsTheFilesFaultNamed() throws {
    let store = try SQLiteStore(path: try temporaryFolder() + "/tsheet.sqlite", person: "ana")
    _ = try store.write { try $0.start(timer(), for: "ana") }
    try store.queue.write { try $0.execute(sql: "UPDATE timer SET started_at = '2026-13-45T99:99:99'") }
    #expect(
      throws: StoreError.unexpectedShape(
        path: store.location,
        reason: "the timer's start '2026-13-45T99:99:99' is not a time")
    ) {
      try store.read { try $0.timer(of: "ana") }
    }
  }

  @Test(arguments: Engine.all) func daysOffAreMarkedReplacedAndUnmarked(engine: Engine) throws {
    let store = try engine.makeStore()
    try store.write { log in
      try log.markOff(DayOff(day: day("2026-12-08"), reason: "Inmaculada"))
      try log.markOff(DayOff(day: day("2026-12-25"), reason: "Navidad"))
      try log.markOff(DayOff(day: day("2026-12-08"), reason: "Inmaculada Concepción"))
    }
    #expect(
      try store.read { try $0.daysOff(in: nil) } == [
        DayOff(day: day("2026-12-08"), reason: "Inmaculada Concepción"),
        DayOff(day: day("2026-12-25"), reason: "Navidad"),
      ])
    let december = DayRange(first: day("2026-12-01"), last: day("2026-12-10"))
    #expect(try store.read { try $0.daysOff(in: december) }.map(\.day) == [day("2026-12-08")])
    #expect(try store.write { try $0.unmarkOff(day("2026-12-08"), of: nil) })
    #expect(try !store.write { try $0.unmarkOff(day("2026-12-08"), of: nil) })
    #expect(try store.read { try $0.daysOff(in: nil) }.map(\.day) == [day("2026-12-25")])
  }

  @Test func aLogFromBeforeTimersGainsThemAndKeepsItsEntries() throws {
    let path = try temporaryFolder() + "/old.sqlite"
    let queue = try DatabaseQueue(path: path)
    try SQLiteStore.migrator(person: "ana").migrate(
      queue, upTo: "v5: client names in every case, recipients as addresses, sends under way")
    try queue.write { db in
      try db.execute(sql: "INSERT INTO client (name, name_key) VALUES ('acme', 'acme')")
      try db.execute(sql: "INSERT INTO entry (client_id, title, day, minutes) VALUES (1, 'Old work', '2026-11-20', 60)")
    }
    try queue.close()
    let upgraded = try SQLiteStore(path: path, person: "ana")
    #expect(try upgraded.entries(matching: EntryFilter()).map(\.title) == ["Old work"])
    _ = try upgraded.write { try $0.start(timer(), for: "ana") }
    #expect(try upgraded.queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == SQLiteStore.schemaVersion)
  }
}
