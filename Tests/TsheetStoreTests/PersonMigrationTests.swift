import GRDB
import Testing
import TsheetCore

@testable import TsheetStore

/// Migration v7: a log from before entries named a person keeps every entry, as the opener's.
@Suite struct PersonMigrationTests {
  /// A log at v6 with two entries, one imported (with the key an import wrote then), one logged.
  func logBeforePeople() throws -> String {
    let path = try temporaryFolder() + "/v6.sqlite"
    let queue = try DatabaseQueue(path: path)
    try SQLiteStore.migrator(person: "unused").migrate(queue, upTo: "v6: a running timer per person, days off")
    let imported = entry("acme", "Imported call", "2026-11-19", 30)
    let oldKey = ImportKey.key(ImportKey.fingerprint(imported, day: "2026-11-19", unmixed: imported.person), 0)
    try queue.write { db in
      try db.execute(sql: "INSERT INTO client (name, name_key) VALUES ('acme', 'acme')")
      try db.execute(
        sql: "INSERT INTO entry (client_id, title, day, minutes) VALUES (1, 'Imported call', '2026-11-19', 30)")
      try db.execute(
        sql: "INSERT INTO entry (client_id, title, day, minutes) VALUES (1, 'Logged work', '2026-11-20', 60)")
      try db.execute(sql: "INSERT INTO import_key (key, batch) VALUES (?, 1)", arguments: [oldKey])
    }
    try queue.close()
    return path
  }

  @Test func everyEntryBecomesTheOpenersAndKeepsItsTotals() throws {
    let store = try SQLiteStore(path: try logBeforePeople(), person: "O'Brien")
    #expect(try store.entries(matching: EntryFilter()).map(\.person) == ["O'Brien", "O'Brien"])
    #expect(
      try store.pivotCells(matching: EntryFilter(), rows: .person, bucket: nil, rounding: [:])
        .map { "\($0.row.person ?? "-") \($0.minutes.value)" } == ["O'Brien 90"])
    #expect(try store.clientSummaries().map(\.entryCount) == [2], "the daily totals kept their counts")
    _ = try store.add(
      NewEntry(client: "acme", title: "Luis's work", day: day("2026-11-20"), minutes: 15, person: "luis"))
    #expect(try store.entries(matching: EntryFilter(person: "luis")).map(\.title) == ["Luis's work"])
    #expect(try store.pivotCells(matching: EntryFilter(), rows: .person, bucket: nil, rounding: [:]).count == 2)
    #expect(try store.queue.read { try SQLiteStore.firstPerson(in: $0) } == "O'Brien")
  }

  @Test func aFileImportedBeforeAddsNothingAfter() throws {
    let store = try SQLiteStore(path: try logBeforePeople(), person: "ana")
    let again = try store.importing([entry("acme", "Imported call", "2026-11-19", 30)])
    #expect(again == ImportSummary(skipped: 1), "its key was stored without a person, and is found again")
    var luis = entry("acme", "Imported call", "2026-11-19", 30)
    luis.person = "luis"
    #expect(try store.importing([luis]) == ImportSummary(added: ["acme": 1]), "another person's same row is new")
  }
}
