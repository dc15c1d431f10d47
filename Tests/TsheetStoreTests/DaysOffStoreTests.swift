import GRDB
import Testing
import TsheetCore

@testable import TsheetStore

/// Days off per person and holidays for everyone, on both engines, and the logs from before (SQLite v8,
/// PostgreSQL v2) whose days off were keyed by day alone.
@Suite struct DaysOffStoreTests {
  @Test(arguments: Engine.all) func aPersonsLeaveAndAHolidayShareADayApart(engine: Engine) throws {
    let store = try engine.makeStore()
    try store.write { log in
      try log.markOff(DayOff(day: day("2026-12-08"), person: "luis", reason: "Vacaciones"))
      try log.markOff(DayOff(day: day("2026-12-08"), reason: "Inmaculada"))
      try log.markOff(DayOff(day: day("2026-12-08"), person: "Ana", reason: "Médico"))
      try log.markOff(DayOff(day: day("2026-12-08"), person: "luis", reason: "Puente"))  // replaces his reason
      try log.markOff(DayOff(day: day("2026-12-08"), reason: "Inmaculada Concepción"))  // replaces the holiday's
    }
    #expect(
      try store.read { try $0.daysOff(in: nil) } == [
        DayOff(day: day("2026-12-08"), reason: "Inmaculada Concepción"),
        DayOff(day: day("2026-12-08"), person: "Ana", reason: "Médico"),
        DayOff(day: day("2026-12-08"), person: "luis", reason: "Puente"),
      ])
    #expect(try store.write { try $0.unmarkOff(day("2026-12-08"), of: "luis") })
    #expect(try !store.write { try $0.unmarkOff(day("2026-12-08"), of: "luis") })
    #expect(try store.write { try $0.unmarkOff(day("2026-12-08"), of: nil) })
    #expect(
      try store.read { try $0.daysOff(in: nil) } == [DayOff(day: day("2026-12-08"), person: "Ana", reason: "Médico")])
  }

  @Test(arguments: Engine.all) func aRenamedPersonKeepsTheirDaysOff(engine: Engine) throws {
    let store = try engine.makeStore()
    try store.write { log in
      try log.markOff(DayOff(day: day("2026-12-07"), person: "Luis G", reason: "Puente"))
      try log.markOff(DayOff(day: day("2026-12-09"), person: "Luis G", reason: "Old"))
      try log.markOff(DayOff(day: day("2026-12-09"), person: "luis", reason: "Kept"))
    }
    #expect(try store.write { try $0.renamePerson("Luis G", to: "luis") } == 0, "days off alone are a person")
    #expect(
      try store.read { try $0.daysOff(in: nil) } == [
        DayOff(day: day("2026-12-07"), person: "luis", reason: "Puente"),
        DayOff(day: day("2026-12-09"), person: "luis", reason: "Kept"),
      ])
  }

  @Test func aSQLiteLogsDaysOffBecomeHolidays() throws {
    let path = try temporaryFolder() + "/v8.sqlite"
    let queue = try DatabaseQueue(path: path)
    try SQLiteStore.migrator(person: "ana").migrate(queue, upTo: "v8: each client's terms in the log")
    try queue.write { db in
      try db.execute(sql: "INSERT INTO day_off (day, reason) VALUES ('2026-12-08', 'Inmaculada'), ('2026-12-25', '')")
    }
    try queue.close()
    let store = try SQLiteStore(path: path, person: "ana")
    #expect(
      try store.read { try $0.daysOff(in: nil) } == [
        DayOff(day: day("2026-12-08"), reason: "Inmaculada"), DayOff(day: day("2026-12-25")),
      ])
    try store.write { try $0.markOff(DayOff(day: day("2026-12-08"), person: "ana", reason: "Also mine")) }
    #expect(try store.read { try $0.daysOff(in: nil) }.count == 3)
    #expect(try store.queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == SQLiteStore.schemaVersion)
    let refused = #expect(throws: DatabaseError.self) {
      try store.queue.write { try $0.execute(sql: "INSERT INTO day_off (day, person) VALUES ('2026-12-09', ' ')") }
    }
    #expect(refused?.resultCode == .SQLITE_CONSTRAINT)
  }

  @Test(.enabled(if: Engine.all.contains(.postgres))) func aServersOldLogKeepsItsDaysOffSendsAndTimer() throws {
    let url = try Engine.newDatabase()
    try Self.migrate(url, upTo: 2) { session in
      try session.query("INSERT INTO client (name, name_key) VALUES ('acme', 'acme')")
      try session.query("INSERT INTO day_off (day, reason) VALUES ('2026-12-08', 'Inmaculada'), ('2026-12-25', '')")
      try session.query(
        """
        INSERT INTO message (client_id, variant, first_day, last_day, message_id, subject, mail_to, state, sent_at)
        VALUES (1, 'week', '2026-11-16', '2026-11-22', '<a@x>', 'S', 'm@acme.com', 'sent', '2026-11-23T08:05:09Z'),
               (1, 'week', '2026-11-09', '2026-11-15', '<b@x>', 'S', 'm@acme.com', 'written', NULL)
        """)
      try session.query(
        "INSERT INTO timer (person, client_id, title, started_at) VALUES ('luis', 1, 'Wi-Fi', '2026-11-23T23:59:30')")
    }
    let store = try PostgresStore(url: url, environment: [:])
    #expect(
      try store.read { try $0.daysOff(in: nil) } == [
        DayOff(day: day("2026-12-08"), reason: "Inmaculada"), DayOff(day: day("2026-12-25")),
      ])
    #expect(try store.sentMessages().map(\.sentAt) == ["2026-11-23T08:05:09Z"])
    #expect(try store.read { try $0.timer(of: "luis") }?.started == LocalTime(iso: "2026-11-23T23:59:30"))
    let types = try store.session.rows(
      PostgresStatement(
        """
        SELECT table_name || '.' || column_name AS name, data_type AS type FROM information_schema.columns
        WHERE (table_name, column_name) IN (('message', 'sent_at'), ('timer', 'started_at')) ORDER BY 1
        """))
    #expect(
      try types.map { "\(try $0.text("name") ?? "") \(try $0.text("type") ?? "")" } == [
        "message.sent_at timestamp with time zone", "timer.started_at timestamp without time zone",
      ])
  }

  /// Sends and timers read back as they were written, whatever time zone the server's sessions are in.
  @Test(arguments: Engine.all) func timesRoundTripInAnyZone(engine: Engine) throws {
    var store = try engine.makeStore()
    if engine == .postgres {  // sessions 13 h 45 min ahead of UTC
      let url = try Engine.newDatabase()
      try PostgresSession(url, environment: [:]).query(
        "ALTER DATABASE \(url.database) SET timezone = 'Pacific/Chatham'")
      store = try PostgresStore(url: url, environment: [:])
    }
    let week = DayRange(first: day("2026-11-16"), last: day("2026-11-22"))
    let message = MessageRecord(
      client: "acme", variant: .week, period: week, messageID: "<m@x>", references: [], subject: "S",
      to: "m@acme.com", cc: "", state: .sending, sentAt: "2026-11-23T07:00:01Z")
    _ = try store.write { try $0.setMailSettings(of: "acme", to: nil, cc: nil, language: nil) }
    #expect(try store.startSending(message, resend: false) == nil)
    #expect(try store.startSending(message, resend: false)?.sentAt == "2026-11-23T07:00:01Z")
    try store.write { try $0.markSent("<m@x>", sentAt: "2026-12-31T23:59:59Z", recipients: ([], [])) }
    #expect(try store.sentMessages().map(\.sentAt) == ["2026-12-31T23:59:59Z"])
    for started in ["2026-03-29T02:30:00", "2026-11-23T00:00:00", "2026-12-31T23:59:59"] {
      let timer = RunningTimer(client: "acme", title: "Work", started: LocalTime(iso: started)!)
      #expect(try store.write { try $0.start(timer, for: "ana") }.started == timer.started, "\(started)")
      #expect(try store.read { try $0.timer(of: "ana") } == timer)
      try store.write { try $0.removeTimer(of: "ana") }
    }
  }

  @Test(.enabled(if: Engine.all.contains(.postgres))) func everyTableOnTheServerIsExplained() throws {
    guard let store = try Engine.postgres.makeStore() as? PostgresStore else { throw TestServerMissing() }
    let uncommented = try store.session.rows(
      PostgresStatement(
        """
        SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND obj_description(c.oid, 'pg_class') IS NULL
        """))
    #expect(try uncommented.map { try $0.text("name") } == [])
    let tables = try store.session.value(
      PostgresStatement(
        "SELECT count(*)::bigint FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"),
      as: Int64.self)
    #expect(tables == 9, "eight tables and tsheet_schema")
    for column in [
      "client.name_key", "client_day.minutes", "client_day.entries", "import_key.key", "import_key.batch",
      "message.state", "message.sent_at", "timer.started_at", "day_off.person",
    ] {
      let parts = column.split(separator: ".").map(String.init)
      var query = PostgresStatement()
      query += """
        SELECT col_description(c.oid, a.attnum) FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE c.relname = \(query.bind(parts[0])) AND a.attname = \(query.bind(parts[1]))
        """
      #expect(try store.session.value(query, as: String?.self)??.isEmpty == false, "\(column)")
    }
  }

  /// A new database on the test server at schema `version`, with `fill` run on it before tsheet opens it.
  static func migrate(_ url: PostgresURL, upTo version: Int, fill: (PostgresSession) throws -> Void) throws {
    let session = try PostgresSession(url, environment: [:])
    try session.query(
      "CREATE TABLE tsheet_schema (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
    )
    for (index, migration) in PostgresSchema.migrations.prefix(version).enumerated() {
      try session.run(script: migration.sql)
      var record = PostgresStatement()
      record +=
        "INSERT INTO tsheet_schema (version, name) VALUES (\(record.bind(index + 1)), \(record.bind(migration.name)))"
      try session.query(record)
    }
    try fill(session)
  }
}
