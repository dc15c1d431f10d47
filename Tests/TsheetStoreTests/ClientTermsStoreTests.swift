import GRDB
import Testing
import TsheetCore

@testable import TsheetStore

/// A client's terms live in the log, on both engines: what reports and emails bill by is what the log holds,
/// whoever reads it.
@Suite struct ClientTermsStoreTests {
  let fifteenUp = ClientTerms(rounding: Rounding(step: 15, mode: .up), monthlyHours: 1230)

  @Test(arguments: Engine.all) func termsSetAreReadBackAndBilledBy(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("acme", "Fixed SSO login", "2026-11-16", 50))
    _ = try store.add(entry("globex", "Backup test", "2026-11-16", 7))
    let stored = try store.write { try $0.setTerms(fifteenUp, of: "ACME") }
    #expect(stored.terms == fifteenUp)
    #expect(stored.mail.client == "acme")
    let terms = try store.read { try $0.billingTerms() }
    #expect(terms.terms(of: "Acme") == fifteenUp)
    #expect(terms.terms(of: "globex") == nil)
    let billed = try store.read { try $0.billedMinutes(matching: EntryFilter(), billing: terms.billing) }
    #expect(billed == Minutes(60 + 7))
  }

  @Test(arguments: Engine.all) func aClientWhoseTermsWereNeverSetHasNoneUntilSetEvenToNothing(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("acme", "Fixed SSO login", "2026-11-16", 50))
    #expect(try store.read { try $0.settings(of: "acme") }.terms == nil)
    _ = try store.write { try $0.setTerms(ClientTerms(), of: "acme") }
    #expect(try store.read { try $0.settings(of: "acme") }.terms == ClientTerms())
    #expect(try store.read { try $0.billingTerms() }.terms(of: "acme") == ClientTerms())
  }

  @Test(arguments: Engine.all) func settingTermsCreatesTheClientAndKeepsItsRecipients(engine: Engine) throws {
    let store = try engine.makeStore()
    let marta = Recipient(name: "Marta Gil", address: "marta@acme.com")
    _ = try store.write { try $0.setMailSettings(of: "acme", to: [marta], cc: nil, language: .es) }
    let nearest = ClientTerms(rounding: Rounding(step: 30, mode: .nearest))
    _ = try store.write { try $0.setTerms(nearest, of: "Cafés Núñez") }
    let settings = try store.write { try $0.setTerms(fifteenUp, of: "acme") }
    #expect(
      settings == ClientSettings(mail: ClientMail(client: "acme", to: [marta], cc: [], language: .es), terms: fifteenUp)
    )
    #expect(try store.read { try $0.settings(of: "cafés núñez") }.terms == nearest)
    #expect(try store.clientSummaries().map(\.name) == ["acme", "Cafés Núñez"])
  }

  @Test(arguments: Engine.all) func termsFollowARenameAndGoWithAMergedClient(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("acme", "Fixed SSO login", "2026-11-16", 50))
    _ = try store.add(entry("Acme Inc", "Weekly sync", "2026-11-17", 20))
    _ = try store.write { try $0.setTerms(fifteenUp, of: "acme") }
    _ = try store.write { try $0.setTerms(ClientTerms(monthlyHours: 60), of: "Acme Inc") }
    try store.renameClient("acme", to: "ACME Corp")
    #expect(try store.read { try $0.billingTerms() }.terms(of: "acme corp") == fifteenUp)
    #expect(try store.mergeClient("Acme Inc", into: "ACME Corp") == 1)
    let terms = try store.read { try $0.billingTerms() }
    #expect(terms.terms(of: "ACME Corp") == fifteenUp, "the client kept keeps its own terms")
    #expect(terms.terms(of: "Acme Inc") == nil)
  }

  @Test(arguments: Engine.all) func theSchemaRefusesTermsTsheetNeverWrites(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("acme", "Fixed SSO login", "2026-11-16", 50))
    for bad in [
      "rounding_step = 0", "rounding_step = 1441", "rounding_mode = 'down'", "monthly_minutes = 60000",
      "monthly_minutes = 0",
    ] {
      #expect(throws: (any Error).self, "\(bad)") {
        try store.write { log in
          switch log {
          case let log as SQLiteLog: try log.execute(SQLiteStatement(sql: "UPDATE client SET \(bad)"))
          case let log as PostgresLog: try log.execute(PostgresStatement("UPDATE client SET \(bad)"))
          default: Issue.record("an engine of its own")
          }
        }
      }
    }
    #expect(try store.read { try $0.settings(of: "acme") }.terms == nil, "the log as it was")
  }

  /// A log from before terms were kept (schema v7) takes the columns with every client's terms unset.
  @Test func aLogFromBeforeTermsHasEveryClientsTermsUnset() throws {
    let path = try temporaryFolder() + "/tsheet.sqlite"
    let queue = try DatabaseQueue(path: path)
    try SQLiteStore.migrator(person: "ana").migrate(queue, upTo: "v7: a person on every entry")
    try queue.write { db in
      try db.execute(sql: "INSERT INTO client (name, name_key) VALUES ('acme', 'acme')")
      try db.execute(sql: "INSERT INTO entry (client_id, title, day, minutes) VALUES (1, 'Old work', '2026-11-20', 50)")
    }
    try queue.close()
    let store = try SQLiteStore(path: path, person: "ana")
    #expect(try store.read { try $0.settings(of: "acme") }.terms == nil)
    #expect(try store.read { try $0.billingTerms() } == BillingTerms.none)
    _ = try store.write { try $0.setTerms(fifteenUp, of: "acme") }
    #expect(try store.read { try $0.billingTerms() }.terms(of: "acme") == fifteenUp)
  }
}
