import GRDB
import Testing
import TsheetCore

@testable import TsheetStore

/// A log copied whole, on and between both engines: every table, ids and times included, and back again.
@Suite struct CopyStoreTests {
  /// The daily totals, which the copy does not move but each engine counts again: compared all the same.
  static let clientDay = LogTable(
    "client_day",
    [("client_id", .integer), ("day", .day), ("person", .text), ("minutes", .integer), ("entries", .integer)],
    order: "client_id, day, person", one: "daily total", many: "daily totals")

  static let pairs: [(Engine, Engine)] = Engine.all.flatMap { from in Engine.all.map { (from, $0) } }

  @Test(arguments: pairs) func aLogCopiedAndCopiedBackIsTheSameTableForTable(from: Engine, to: Engine) throws {
    let source = try from.makeStore()
    try fill(source)
    let copy = try to.makeStore()
    let counts = try copyAll(source, into: copy)
    #expect(counts.allSatisfy { $0.1 > 0 }, "every table holds rows: \(counts)")
    let back = try from.makeStore()
    _ = try copyAll(copy, into: back)
    let original = try dump(source)
    #expect(try dump(copy) == original)
    #expect(try dump(back) == original)
  }

  @Test(arguments: pairs) func aCopyWorksOnAsTheLogDid(from: Engine, to: Engine) throws {
    let source = try from.makeStore()
    try fill(source)
    let copy = try to.makeStore()
    _ = try copyAll(source, into: copy)
    let sent = try #require(try source.sentMessages(to: "acme").first)
    #expect(try copy.read { try $0.sentMessage(like: sent) } == sent, "the never-twice rule holds")
    #expect(try copy.lastMessage(to: "acme", over: sent.period) == source.lastMessage(to: "acme", over: sent.period))
    #expect(try copy.read { try $0.timer(of: "luis") } == source.read { try $0.timer(of: "luis") })
    #expect(try copy.read { try $0.settings(of: "ACME") } == source.read { try $0.settings(of: "acme") })
    #expect(try copy.clientSummaries() == source.clientSummaries())
    let next = try copy.add(entry("globex", "After the copy", "2026-11-24", 15))
    let newest = try source.entries(matching: EntryFilter()).map(\.id).max() ?? 0
    #expect(next.id > newest, "the next id follows the ones kept")
    if from == to {  // across engines, see README: a personal log's keys hold no person
      #expect(try copy.importing(Self.imported).total == 0, "a file imported before adds nothing")
    }
  }

  @Test(arguments: Engine.all) func aRowTheDestinationRefusesLeavesItEmpty(engine: Engine) throws {
    let source = try Engine.sqlite.makeStore() as! SQLiteStore
    try source.write { log in
      for index in 0..<12_000 { _ = try log.add(entry("acme", "Row \(index)", "2026-11-23", 30)) }
    }
    // A row an older tsheet or another program could leave behind: the destination's schema refuses it.
    try source.queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
      try db.execute(
        sql:
          "INSERT INTO entry (client_id, person, title, day, minutes) SELECT id, 'ana', 'Zero', '2026-11-23', 0 FROM client"
      )
    }
    let copy = try engine.makeStore()
    let error = #expect(throws: StoreError.self) { try copyAll(source, into: copy) }
    guard case .unexpectedShape(let path, _) = error else {
      Issue.record("refused as \(String(describing: error))")
      return
    }
    #expect(path == copy.location)
    #expect(try copy.writeTables { try $0.heldRows() }.isEmpty)
    #expect(try copy.clientSummaries().isEmpty)
  }

  @Test(arguments: Engine.all) func aLogThatHoldsRowsSaysWhichBeforeACopy(engine: Engine) throws {
    let store = try engine.makeStore()
    #expect(try store.writeTables { try $0.heldRows() }.isEmpty)
    try store.write { try $0.markOff(DayOff(day: day("2026-12-24"))) }
    _ = try store.add(entry("acme", "Call", "2026-11-23", 30))
    let held = try store.writeTables { try $0.heldRows() }
    #expect(held.map { $0.0.counted($0.1) } == ["1 client", "1 entry", "1 day off"])
  }

  /// A column added to a schema and not to `LogTable` would be lost by every copy: this fails first.
  @Test(arguments: Engine.all) func everyTableAndColumnOfTheSchemaIsCopied(engine: Engine) throws {
    let store = try engine.makeStore()
    let schema: [String]
    switch store {
    case let sqlite as SQLiteStore:
      schema = try sqlite.queue.read {
        try String.fetchAll(
          $0,
          sql: """
            SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT IN ('grdb_migrations', 'client_day') AND m.name NOT LIKE 'sqlite_%'
            """)
      }
    case let postgres as PostgresStore:
      schema = try postgres.session.rows(
        PostgresStatement(
          """
          SELECT table_name || '.' || column_name AS name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name NOT IN ('tsheet_schema', 'client_day')
          """)
      ).map { try $0.text("name") ?? "" }
    default: throw TestServerMissing()
    }
    let copied = LogTable.all.flatMap { table in table.columns.map { "\(table.name).\($0.name)" } }
    #expect(Set(copied) == Set(schema))
    #expect(copied.count == schema.count)
  }

  /// The rows of `fill`'s import.
  static let imported = [
    entry("acme", "Imported call", "2026-10-05", 30), entry("acme", "Imported call", "2026-10-05", 30),
  ]

  /// Puts a row in every table, with what is easy to lose: two people, an edited and a removed entry, text
  /// with quotes, line breaks and accents, terms, recipients, a sent week, a day off, a running timer.
  func fill(_ store: any Store) throws {
    let luis = NewEntry(
      client: "Cafés Núñez", title: "Revisión \"TPV\"", description: "line one\nline two\\ 3 €\t✓",
      day: day("2026-11-17"), minutes: Minutes(95), person: "luis")
    _ = try store.importing(Self.imported)
    let first = try store.add(entry("acme", "Fixed SSO login", "2026-11-16", 90, "Renewed the IdP certificate."))
    let gone = try store.add(entry("globex", "Removed", "2026-11-16", 10))
    _ = try store.add(luis)
    _ = try store.add(entry("acme", "Weekly sync", "2026-11-18", 45))
    _ = try store.update(id: first.id, with: EntryChanges(description: "Renewed it, \"prod\" too."))
    _ = try store.remove(ids: [gone.id])
    try store.write { log in
      _ = try log.setMailSettings(
        of: "acme", to: [Recipient(name: "Gil, Marta", address: "marta@acme.com")],
        cc: [Recipient(address: "it@acme.com"), Recipient(name: "Bo \"B\"", address: "bo@acme.com")], language: .es)
      _ = try log.setTerms(ClientTerms(rounding: Rounding(step: 15, mode: .nearest), monthlyHours: 600), of: "acme")
      try log.markOff(DayOff(day: day("2026-12-24"), reason: "Nochebuena"))
      _ = try log.start(
        RunningTimer(
          client: "globex", title: "On-call", description: "disk", started: LocalTime(iso: "2026-11-23T08:59:07")!),
        for: "luis")
    }
    let week = DayRange(first: day("2026-11-16"), last: day("2026-11-22"))
    let sent = MessageRecord(
      client: "acme", variant: .week, period: week, messageID: "<w47@tsheet>", references: ["<w46@tsheet>"],
      subject: "Horas semana 47", to: "Gil, Marta <marta@acme.com>", cc: "it@acme.com", state: .sending)
    try store.write { try $0.record(sent, recipients: nil) }
    try store.write {
      try $0.markSent(
        "<w47@tsheet>", sentAt: "2026-11-23T09:00:00Z", recipients: (to: [Recipient(address: "marta@acme.com")], cc: [])
      )
    }
    var written = sent
    written.messageID = "<d@tsheet>"
    written.variant = .day
    written.state = .written
    try store.write { try $0.record(written, recipients: nil) }
  }

  /// What `tsheet copy` does between two stores.
  @discardableResult
  func copyAll(_ source: any Store, into destination: any Store) throws -> [(LogTable, Int)] {
    try source.readTables { reader in
      try destination.writeTables { writer in
        #expect(try writer.heldRows().isEmpty)
        return try writer.copyRows(from: reader, step: 1_000, progress: { _ in })
      }
    }
  }

  /// Every table as the copy reads it, the daily totals too.
  func dump(_ store: any Store) throws -> [String: [[TableValue]]] {
    try store.readTables { reader in
      var tables: [String: [[TableValue]]] = [:]
      for table in LogTable.all + [Self.clientDay] {
        try reader.forEachRow(of: table) { tables[table.name, default: []].append($0) }
      }
      return tables
    }
  }
}
