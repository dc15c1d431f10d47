import GRDB
import Testing
import TsheetCore

@testable import TsheetStore

/// A log on one engine with five entries of two clients over two years, and its pivot cells as text.
struct PivotFixture {
  let store: any Store

  init(_ engine: Engine) throws {
    store = try engine.makeStore()
    for new in [
      entry("acme", "SSO", "2026-11-16", 50), entry("acme", "SSO", "2026-11-17", 10),
      entry("acme", "Sync", "2026-12-01", 61), entry("Globex", "SSO", "2026-11-16", 7),
      entry("Globex", "Backup", "2027-01-04", 30),
    ] { _ = try store.add(new) }
  }

  func cells(
    _ rows: PivotRows, _ bucket: Period?, rounding: [String: Rounding] = [:],
    filter: EntryFilter = EntryFilter()
  ) throws -> Set<String> {
    Set(
      try store.pivotCells(matching: filter, rows: rows, bucket: bucket, rounding: rounding).map {
        "\($0.row.client ?? "-") \($0.row.title ?? "-") \($0.day) \($0.minutes.value)"
      })
  }
}

@Suite struct PivotStoreTests {
  @Test(arguments: Engine.all) func sumsPerClientAndBucket(engine: Engine) throws {
    let fixture = try PivotFixture(engine)
    let store = fixture.store
    #expect(
      try fixture.cells(.client, .month) == [
        "acme - 2026-11-01 60", "acme - 2026-12-01 61", "Globex - 2026-11-01 7", "Globex - 2027-01-01 30",
      ])
    #expect(
      try fixture.cells(.client, .year) == ["acme - 2026-01-01 121", "Globex - 2026-01-01 7", "Globex - 2027-01-01 30"])
    #expect(
      try fixture.cells(.title, nil) == ["- SSO 2026-11-16 67", "- Sync 2026-12-01 61", "- Backup 2027-01-04 30"])
    #expect(
      try fixture.cells(
        PivotRows([.client, .title])!, .day, filter: EntryFilter(client: "ACME", to: CalendarDay(iso: "2026-11-30")))
        == ["acme SSO 2026-11-16 50", "acme SSO 2026-11-17 10"])
  }

  @Test(arguments: Engine.all) func roundsEachEntryBeforeSumming(engine: Engine) throws {
    let fixture = try PivotFixture(engine)
    let store = fixture.store
    let rules = ["acme": Rounding(step: 15, mode: .up), "globex": Rounding(step: 15, mode: .nearest)]
    #expect(try fixture.cells(.client, nil, rounding: rules) == ["acme - 2026-11-16 150", "Globex - 2026-11-16 30"])
    let stored = try store.entries(matching: EntryFilter(client: "acme")).map(\.minutes.value)
    #expect(stored.sorted() == [10, 50, 61], "stored minutes stay as logged")
  }

  @Test(arguments: Engine.all) func onlyTheFilteredClientsRuleDecidesWhetherEntriesAreRounded(engine: Engine) throws {
    let fixture = try PivotFixture(engine)
    let store = fixture.store
    let rules = ["globex": Rounding(step: 15, mode: .up)]
    #expect(
      try store.billedMinutes(matching: EntryFilter(client: "acme"), rounding: rules) == Minutes(121),
      "acme has no rule: its daily totals are summed as logged")
    #expect(
      try store.billedMinutes(matching: EntryFilter(client: "GLOBEX"), rounding: rules) == Minutes(45),
      "globex rounds 7 and 30 up to 15 and 30")
    #expect(try store.billedMinutes(matching: EntryFilter(), rounding: rules) == Minutes(166))
  }

  @Test(arguments: Engine.all) func anEmptyLogHasNoCells(engine: Engine) throws {
    let empty = try engine.makeStore()
    #expect(try empty.pivotCells(matching: EntryFilter(), rows: .client, bucket: nil, rounding: [:]).isEmpty)
  }

  /// A pivot by title and person over a range of days (a year by week and title) reads the day index alone: on a
  /// log whose rows were written out of order, going to each row was two thirds of the time.
  @Test func aPivotByTitleAndPersonOverDaysReadsTheDayIndexAlone() throws {
    let store = try #require(try PivotFixture(.sqlite).store as? SQLiteStore)
    var statements: [String] = []
    let plans = try store.queue.inDatabase { db in
      db.trace { event in if case .statement(let statement) = event { statements.append(statement.expandedSQL) } }
      _ = try SQLiteLog(db: db).pivotCells(
        matching: EntryFilter(from: CalendarDay(iso: "2026-01-01"), to: CalendarDay(iso: "2026-12-31")),
        rows: PivotRows([.client, .person, .title])!, bucket: .week, billing: BillingRules([:]))
      db.trace(options: [])
      return try statements.filter { $0.contains("sum(") }.flatMap {
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + $0).map { $0["detail"] as String }
      }
    }
    #expect(plans.contains { $0.contains("USING COVERING INDEX entry_by_day") }, "\(plans)")
  }
}
