import GRDB
import Testing
import TsheetCore

@testable import TsheetStore

extension Store {
  func importing(_ rows: [NewEntry], dryRun: Bool = false) throws -> ImportSummary {
    try importEntries(dryRun: dryRun) { add in
      for row in rows { try add(row, nil) }
    }
  }
}

@Suite struct ImportStoreTests {
  @Test(arguments: Engine.all) func identicalRowsCountAcrossImports(engine: Engine) throws {
    let store = try engine.makeStore()
    let call = entry("acme", "Call", "2026-11-20", 30)
    #expect(try store.importing([call, call]) == ImportSummary(added: ["acme": 2]))
    #expect(try store.importing([call, call]) == ImportSummary(skipped: 2))
    #expect(
      try store.importing([call, call, call]) == ImportSummary(added: ["acme": 1], skipped: 2),
      "a third identical call is new")
    #expect(try store.entries(matching: EntryFilter()).count == 3)
  }

  @Test(arguments: Engine.all) func rowsWhoseEntriesWereRemovedSinceAreCountedApart(engine: Engine) throws {
    let store = try engine.makeStore()
    let call = entry("acme", "Call", "2026-11-20", 30)
    let review = entry("globex", "Review", "2026-11-21", 60)
    #expect(try store.importing([call, call, review]) == ImportSummary(added: ["acme": 2, "globex": 1]))
    let ids = try store.entries(matching: EntryFilter()).map(\.id).sorted()
    _ = try store.remove(ids: [ids[0]])
    #expect(try store.importing([call, call, review], dryRun: true) == ImportSummary(skipped: 2, goneSince: 1))
    #expect(
      try store.importing([call, call, review, review])
        == ImportSummary(
          added: ["globex": 1], skipped: 2,
          goneSince: 1),
      "a second review is new, and is not the first one's entry")
    #expect(try store.importing([call, call, review]) == ImportSummary(skipped: 2, goneSince: 1))
  }

  @Test(arguments: Engine.all) func aDryRunAndAFailureLeaveNothing(engine: Engine) throws {
    let store = try engine.makeStore()
    #expect(try store.importing([entry("acme", "A", "2026-11-20", 30)], dryRun: true).total == 1)
    #expect(throws: StoreError.self) {
      try store.importing([entry("acme", "A", "2026-11-20", 30), entry("acme", "Too long", "2026-11-20", 2000)])
    }
    #expect(try store.entries(matching: EntryFilter()).isEmpty)
    #expect(try store.clientSummaries().isEmpty)
    _ = try store.add(entry("acme", "B", "2026-11-20", 45))
    #expect(try store.clientSummaries().map(\.minutes) == [Minutes(45)], "the daily totals still count new entries")
  }

  @Test func aLargeImportBuildsTheIndexesAgain() throws {
    let store = try SQLiteStore(path: try temporaryFolder() + "/tsheet.sqlite", person: "ana")
    let rows = (0..<(ImportBatch.rowsBeforeDroppingIndexes + 500)).map { index in
      entry(index % 2 == 0 ? "acme" : "globex", "Task \(index)", "2026-11-\(10 + index % 10)", 1 + index % 600)
    }
    #expect(try store.importing(rows).total == rows.count)
    let indexes = try store.queue.read { db in
      try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entry' ORDER BY 1")
    }
    #expect(indexes == ["entry_by_client_day", "entry_by_day"])
    #expect(
      try store.pivotCells(matching: EntryFilter(client: "acme"), rows: .client, bucket: nil, rounding: [:])
        .first?.minutes
        == Minutes(rows.enumerated().filter { $0.offset % 2 == 0 }.map(\.element.minutes.value).reduce(0, +)))
  }
}

@Suite struct ImportKeyTests {
  /// Import keys are stored: a later tsheet must fingerprint a row exactly as an earlier one did, or
  /// importing the same file again would add it twice.
  @Test func fingerprintsStayAsReleased() {
    let rows = [
      entry("ACME Corp", "Fixed SSO login", "2026-11-20", 90, "Renewed \"prod\""),
      entry("Cafés Núñez", "Reunión", "2026-01-02", 15, "línea 1\nlínea 2"),
    ]
    let printed = rows.map { String(ImportKey.fingerprint($0, day: $0.day.description, unmixed: "ana"), radix: 16) }
    #expect(printed == ["ba9002cada7c0d6c", "aefad8fe1504ccec"])
  }

  /// Two people's identical rows are two entries: the person is part of the key, but for the log's first
  /// person, whose keys were stored before entries named one.
  @Test func anotherPersonsRowHasAnotherKey() {
    var row = entry("acme", "Daily standup", "2026-11-20", 15)
    let first = ImportKey.fingerprint(row, day: "2026-11-20", unmixed: "ana")
    row.person = "luis"
    let other = ImportKey.fingerprint(row, day: "2026-11-20", unmixed: "ana")
    #expect(first != other)
    #expect(other == ImportKey.fingerprint(row, day: "2026-11-20", unmixed: nil))
    #expect(
      first
        != ImportKey.fingerprint(
          entry("acme", "Daily standup", "2026-11-20", 15), day: "2026-11-20",
          unmixed: nil))
  }
}
