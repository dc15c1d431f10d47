import Foundation
import GRDB
import Testing
import TsheetCore

@testable import TsheetStore

/// A new folder under the system's temporary folder, for one test's database.
func temporaryFolder() throws -> String {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("tsheet-tests-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

func entry(_ client: String, _ title: String, _ date: String, _ minutes: Int, _ description: String = "") -> NewEntry {
  NewEntry(
    client: client, title: title, description: description, day: day(date), minutes: Minutes(minutes), person: "ana")
}

@Suite struct StoreOpeningTests {
  @Test func createsAPrivateWALDatabaseWithItsFolders() throws {
    let path = try temporaryFolder() + "/deep/er/tsheet.sqlite"
    let store = try SQLiteStore(path: path, person: "ana")
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(try store.queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
  }

  @Test func refusesAFolder() throws {
    let folder = try temporaryFolder()
    #expect(throws: StoreError.self) { try SQLiteStore(path: folder, person: "ana") }
    do { _ = try SQLiteStore(path: folder, person: "ana") } catch let error as StoreError {
      #expect(error.exitStatus == .usage)
      #expect(error.description.contains("is a folder"))
    }
  }

  @Test func refusesAFileThatIsNotSQLiteAndLeavesItAsItWas() throws {
    let path = try temporaryFolder() + "/notes.txt"
    let text = String(repeating: "my notes, not a database\n", count: 200)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    do {
      _ = try SQLiteStore(path: path, person: "ana")
      Issue.record("opened a text file as a database")
    } catch let error as StoreError {
      #expect(error.exitStatus == .dataError)
      #expect(error.description.contains("not a tsheet database"))
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
  }

  @Test func refusesASchemaFromANewerTsheetAndChangesNothing() throws {
    let path = try temporaryFolder() + "/tsheet.sqlite"
    _ = try SQLiteStore(path: path, person: "ana").add(entry("acme", "Kept", "2026-11-20", 30))
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
    }
    let contents = {
      try DatabaseQueue(path: path).read { db in
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY 1")
          + String.fetchAll(db, sql: "SELECT title FROM entry")
          + String.fetchAll(db, sql: "SELECT name FROM sqlite_master ORDER BY 1")
      }
    }
    let before = try contents()
    #expect(throws: StoreError.newerSchema(path: path)) { try SQLiteStore(path: path, person: "ana") }
    #expect(try contents() == before)
  }
}

@Suite struct StoreEntryTests {

  @Test(arguments: Engine.all) func addedEntriesComeBackNewestFirst(engine: Engine) throws {
    let store = try engine.makeStore()
    let first = try store.add(entry("acme", "Fixed SSO login", "2026-11-19", 90, "Certificate, \"IdP\"\nrenewed"))
    let second = try store.add(entry("ACME", "Weekly sync", "2026-11-20", 45))
    #expect(first.client == "acme")
    #expect(second.client == "acme", "client names match without regard to case")
    #expect(try store.entries(matching: EntryFilter()) == [second, first])
    #expect(try store.entry(id: first.id).description == "Certificate, \"IdP\"\nrenewed")
  }

  @Test(arguments: Engine.all) func filtersByClientRangeTextAndLimit(engine: Engine) throws {
    let store = try engine.makeStore()
    let a = try store.add(entry("acme", "Fixed SSO login", "2026-11-16", 60))
    let b = try store.add(entry("globex", "Backup 100% restored", "2026-11-17", 30))
    let c = try store.add(entry("acme", "ERP upgrade", "2026-11-23", 120, "sso again"))
    #expect(try store.entries(matching: EntryFilter(client: "ACME")) == [c, a])
    #expect(try store.entries(matching: EntryFilter(from: day("2026-11-17"), to: day("2026-11-22"))) == [b])
    #expect(try store.entries(matching: EntryFilter(search: "SSO")) == [c, a])
    #expect(try store.entries(matching: EntryFilter(search: "100%")) == [b])
    #expect(try store.entries(matching: EntryFilter(search: "0%")) == [b], "% is no wildcard")
    #expect(try store.entries(matching: EntryFilter(search: "_")) == [])
    #expect(try store.entries(matching: EntryFilter(limit: 2)) == [c, b])
    #expect(throws: StoreError.noSuchClient(name: "initech")) {
      try store.entries(matching: EntryFilter(client: "initech"))
    }
  }

  @Test(arguments: Engine.all) func updateChangesOnlyWhatIsGiven(engine: Engine) throws {
    let store = try engine.makeStore()
    let original = try store.add(entry("acme", "Fixed SSO login", "2026-11-19", 90, "notes"))
    let updated = try store.update(id: original.id, with: EntryChanges(client: "globex", minutes: 120))
    #expect(
      updated
        == Entry(
          id: original.id, client: "globex", title: "Fixed SSO login", description: "notes",
          day: day("2026-11-19"), minutes: 120, person: "ana"))
    #expect(throws: StoreError.noSuchEntry(id: 999)) { try store.update(id: 999, with: EntryChanges(title: "x")) }
  }

  @Test(arguments: Engine.all) func removeIsAllOrNothing(engine: Engine) throws {
    let store = try engine.makeStore()
    let a = try store.add(entry("acme", "One", "2026-11-19", 10))
    let b = try store.add(entry("acme", "Two", "2026-11-19", 20))
    #expect(throws: StoreError.noSuchEntry(id: 999)) { try store.remove(ids: [a.id, 999]) }
    #expect(try store.entries(matching: EntryFilter()).count == 2)
    #expect(try store.remove(ids: [b.id, a.id, b.id]) == [b, a])
    #expect(try store.entries(matching: EntryFilter()) == [])
  }

  @Test(arguments: Engine.all) func theSchemaRefusesWhatCodeMustNeverWrite(engine: Engine) throws {
    let store = try engine.makeStore()
    for refused in [entry("acme", "  ", "2026-11-19", 10), entry("acme", "Too long", "2026-11-19", 1441)] {
      do {
        _ = try store.add(refused)
        Issue.record("stored \(refused)")
      } catch let StoreError.unexpectedShape(_, reason) {
        #expect(reason.lowercased().contains("check constraint"), "\(reason)")
      }
    }
    #expect(try store.entries(matching: EntryFilter()) == [])
  }
}

@Suite struct StoreClientTests {

  @Test(arguments: Engine.all) func summariesCountSumAndDate(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("acme", "One", "2026-11-19", 10))
    _ = try store.add(entry("acme", "Two", "2026-11-20", 20))
    _ = try store.add(entry("Globex", "Three", "2026-10-01", 60))
    #expect(
      try store.clientSummaries() == [
        ClientSummary(name: "acme", entryCount: 2, minutes: 30, lastDay: day("2026-11-20")),
        ClientSummary(name: "Globex", entryCount: 1, minutes: 60, lastDay: day("2026-10-01")),
      ])
  }

  @Test(arguments: Engine.all) func renameRefusesATakenNameAndChangesNothing(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("acme", "One", "2026-11-19", 10))
    _ = try store.add(entry("globex", "Two", "2026-11-19", 10))
    #expect(throws: StoreError.clientExists(name: "GLOBEX")) { try store.renameClient("acme", to: "GLOBEX") }
    #expect(try store.clientSummaries().map(\.name) == ["acme", "globex"])
    try store.renameClient("acme", to: "ACME Corp")
    try store.renameClient("globex", to: "Globex")
    #expect(try store.clientSummaries().map(\.name) == ["ACME Corp", "Globex"])
  }

  @Test(arguments: Engine.all) func mergeMovesEveryEntry(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("Acme Inc", "One", "2026-11-19", 10))
    _ = try store.add(entry("acme", "Two", "2026-11-19", 20))
    #expect(try store.mergeClient("acme inc", into: "acme") == 1)
    #expect(
      try store.clientSummaries() == [
        ClientSummary(name: "acme", entryCount: 2, minutes: 30, lastDay: day("2026-11-19"))
      ])
    #expect(throws: StoreError.noSuchClient(name: "initech")) { try store.mergeClient("initech", into: "acme") }
  }
}
