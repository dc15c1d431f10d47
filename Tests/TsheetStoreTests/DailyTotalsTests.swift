import GRDB
import PropertyBased
import Testing
import TsheetCore

@testable import TsheetStore

/// One change to the log, as a user makes it: every way entries come, go or move between clients and days.
private enum Change {
  case log(client: Int, day: Int, minutes: Int)
  case edit(entry: Int, client: Int?, day: Int?, minutes: Int?)
  case remove(entry: Int)
  case merge(client: Int, into: Int)
  case importRows([(client: Int, day: Int, minutes: Int)])
}

private let clients = ["acme", "Globex", "Initech"]

private let changes = zip(
  Gen.int(in: 0...9), Gen.int(in: 0...2), Gen.int(in: 0...4), Gen.int(in: 1...600),
  Gen.int(in: 0...40), Gen.int(in: 0...3)
)
.map { kind, client, day, minutes, entry, what -> Change in
  switch kind {
  case 0...3: .log(client: client, day: day, minutes: minutes)
  case 4...5:
    .edit(
      entry: entry, client: what == 0 ? client : nil, day: what == 1 ? day : nil,
      minutes: what >= 2 ? minutes : nil)
  case 6...7: .remove(entry: entry)
  case 8: .merge(client: client, into: (client + 1 + what % 2) % 3)
  default: .importRows((0...what).map { (client: (client + $0) % 3, day: (day + $0) % 5, minutes: minutes) })
  }
}
.array(of: 1...40)

/// The rows of a (client id, day, minutes, count) query, as text.
/// The daily totals as stored, and as the entries sum them, a line each (client id, day, person, minutes,
/// entries), in the same order: on either engine.
private func totalsAndSums(_ store: any Store) throws -> (totals: [String], sums: [String]) {
  let totals = "SELECT client_id, day, person, minutes, entries FROM client_day ORDER BY 1, 2, 3"
  let sums = "SELECT client_id, day, person, sum(minutes), count(*) FROM entry GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
  if let store = store as? SQLiteStore {
    func lines(_ db: Database, _ sql: String) throws -> [String] {
      try Row.fetchAll(db, sql: sql).map {
        "\($0[0] as Int64) \($0[1] as String) \($0[2] as String) \($0[3] as Int) \($0[4] as Int)"
      }
    }
    return try store.queue.read { db in (try lines(db, totals), try lines(db, sums)) }
  }
  let session = try #require(store as? PostgresStore).session
  func lines(_ sql: String) throws -> [String] {
    try session.rows(
      PostgresStatement(
        sql.replacing("SELECT client_id, day,", with: "SELECT client_id, day::text AS day,")
          .replacing("sum(minutes), count(*)", with: "sum(minutes)::bigint AS minutes, count(*) AS entries"))
    ).map { row in
      "\(try row.value("client_id", as: Int64.self)) \(try row.value("day", as: String.self)) "
        + "\(try row.value("person", as: String.self)) \(try row.value("minutes", as: Int.self)) "
        + "\(try row.value("entries", as: Int.self))"
    }
  }
  return (try lines(totals), try lines(sums))
}

@Suite struct DailyTotalsTests {
  @Test(arguments: Engine.all) func dailyTotalsAlwaysEqualTheEntriesSummedByClientAndDay(engine: Engine) async throws {
    await propertyCheck(count: 60, input: changes) { changes in
      let store = try! engine.makeStore()
      @Sendable func date(_ offset: Int) -> CalendarDay { CalendarDay(iso: "2026-11-16")!.adding(days: offset) }
      for change in changes {
        let ids = try! store.entries(matching: EntryFilter()).map(\.id).sorted()
        switch change {
        case .log(let client, let day, let minutes):
          var new = entry(clients[client], "Task", date(day).description, minutes)
          new.person = ["ana", "luis"][minutes % 2]  // the totals are kept per person too
          _ = try! store.add(new)
        case .edit(let index, let client, let day, let minutes) where !ids.isEmpty:
          _ = try! store.update(
            id: ids[index % ids.count],
            with: EntryChanges(
              client: client.map { clients[$0] }, day: day.map(date), minutes: minutes.map { Minutes($0) }))
        case .remove(let index) where !ids.isEmpty:
          _ = try! store.remove(ids: [ids[index % ids.count]])
        case .merge(let client, let target):
          _ = try? store.mergeClient(clients[client], into: clients[target])  // either may not exist yet
        case .importRows(let rows):
          _ = try! store.importEntries(dryRun: false) { add in
            for row in rows {
              try add(entry(clients[row.client], "Imported", date(row.day).description, row.minutes), nil)
            }
          }
        default:
          break
        }
      }
      let (totals, sums) = try! totalsAndSums(store)
      #expect(totals == sums)
      // The pivot reads the totals unless it must read entries (here: to match text); both agree.
      for bucket in [Period.day, .month, nil] {
        let fromTotals = try! store.pivotCells(
          matching: EntryFilter(), rows: .client, bucket: bucket,
          rounding: [:])
        let fromEntries = try! store.pivotCells(
          matching: EntryFilter(search: ""), rows: .client,
          bucket: bucket, rounding: [:])
        #expect(
          Set(fromTotals.map { "\($0.row.client!) \($0.day) \($0.minutes.value)" })
            == Set(fromEntries.map { "\($0.row.client!) \($0.day) \($0.minutes.value)" }))
      }
    }
  }

  @Test func aLogFromBeforeTheTotalsGetsThemWhenOpened() throws {
    let path = try temporaryFolder() + "/tsheet.sqlite"
    let queue = try DatabaseQueue(path: path)
    try SQLiteStore.migrator(person: "ana").migrate(queue, upTo: "v3: import keys")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO client (id, name) VALUES (1, 'acme'), (2, 'Globex');
          INSERT INTO entry (client_id, title, day, minutes) VALUES
              (1, 'A', '2026-11-16', 30), (1, 'B', '2026-11-16', 45), (2, 'C', '2026-11-17', 60);
          """)
    }
    try queue.close()
    let store = try SQLiteStore(path: path, person: "ana")
    let (totals, sums) = try totalsAndSums(store)
    #expect(totals == ["1 2026-11-16 ana 75 2", "2 2026-11-17 ana 60 1"])
    #expect(totals == sums)
    #expect(
      try store.clientSummaries().map { "\($0.name) \($0.entryCount) \($0.minutes.value)" }
        == ["acme 2 75", "Globex 1 60"])
  }
}
