import Foundation
import GRDB
import Testing
import TsheetCore

@testable import TsheetStore

/// What the store refuses, and what it keeps, when the file or the data is not what it expects.
@Suite struct StoreHardeningTests {
  let folder: String

  init() throws { folder = try temporaryFolder() }

  /// The bytes of `path` and its journal mode, to show a refused file was not touched.
  func fingerprint(_ path: String) throws -> (Data, [String]) {
    (
      try Data(contentsOf: URL(fileURLWithPath: path)),
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    )
  }

  @Test func anotherProgramsDatabaseIsRefusedUntouched() throws {
    let path = folder + "/photos.sqlite"
    try DatabaseQueue(path: path).write { db in
      try db.execute(
        sql: "CREATE TABLE entry (id INTEGER PRIMARY KEY, photo BLOB); INSERT INTO entry VALUES (1, x'00')")
    }
    let before = try fingerprint(path)
    #expect(throws: StoreError.foreignDatabase(path: path)) { try SQLiteStore(path: path, person: "ana") }
    let after = try fingerprint(path)
    #expect(after.0 == before.0)
    #expect(after.1 == before.1, "no -wal or -shm appeared")
    #expect(try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
  }

  @Test func aNewerUserVersionIsRefusedUntouched() throws {
    let path = folder + "/tsheet.sqlite"
    try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99") }
    let before = try fingerprint(path)
    #expect(throws: StoreError.newerSchema(path: path)) { try SQLiteStore(path: path, person: "ana") }
    #expect(try fingerprint(path).0 == before.0)
  }

  /// A file with no tables yet that another program has marked as its own is not tsheet's to take.
  @Test(arguments: ["PRAGMA application_id = 1196446285", "PRAGMA user_version = 3"])
  func anEmptyFileMarkedByAnotherProgramIsRefusedUntouched(mark: String) throws {
    let path = folder + "/marked.sqlite"
    try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: mark) }
    let before = try fingerprint(path)
    #expect(throws: StoreError.foreignDatabase(path: path)) { try SQLiteStore(path: path, person: "ana") }
    #expect(try fingerprint(path).0 == before.0)
    #expect(try fingerprint(path).1 == before.1, "no -wal or -shm appeared")
  }

  @Test func anEmptyFileBecomesALog() throws {
    let path = folder + "/empty.sqlite"
    FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
    let store = try SQLiteStore(path: path, person: "ana")
    #expect(try store.queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == SQLiteStore.schemaVersion)
  }

  @Test(arguments: Engine.all) func clientNamesMatchWithoutRegardToCaseInEveryAlphabet(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("Émile", "One", "2026-11-19", 10))
    let second = try store.add(entry("émile", "Two", "2026-11-20", 20))
    #expect(second.client == "Émile")
    #expect(try store.clientSummaries().map(\.name) == ["Émile"])
    #expect(try store.clientName("ÉMILE") == "Émile")
  }

  @Test func aLogFromBeforeV5KeepsItsRecipientsAsAddresses() throws {
    let path = folder + "/old.sqlite"
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { _ = try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL") }
    try SQLiteStore.migrator(person: "ana").migrate(queue, upTo: "v4: daily totals")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO client (name, mail_to, mail_cc, lang) VALUES
              ('Cafés Núñez', 'Núñez, S.L. <info@nunez.example>', '"Gil, Marta" <m@nunez.example>, it@nunez.example', 'es'),
              ('acme', '', '', NULL), ('Émile', 'e@x.es', '', NULL), ('émile', 'f@x.es', '', NULL);
          INSERT INTO message (client_id, variant, first_day, last_day, message_id, subject, mail_to, sent_at)
              VALUES (1, 'week', '2026-11-16', '2026-11-22', '<a@b>', 'Parte', 'info@nunez.example', '2026-11-23T08:00:00Z');
          """)
    }
    let store = try SQLiteStore(path: path, person: "ana")
    let nunez = try store.mailSettings(of: "cafés núñez")
    #expect(nunez.to == [Recipient(name: "Núñez, S.L.", address: "info@nunez.example")])
    #expect(
      nunez.cc == [Recipient(name: "Gil, Marta", address: "m@nunez.example"), Recipient(address: "it@nunez.example")])
    #expect(nunez.language == .es)
    #expect(try store.mailSettings(of: "acme").to.isEmpty)
    #expect(try store.sentMessages(to: "Cafés Núñez").map(\.state) == [.sent])
    // Two names that differ only in case, kept apart by an older log: each still answers to its own.
    #expect(try store.mailSettings(of: "Émile").to.map(\.address) == ["e@x.es"])
    #expect(try store.mailSettings(of: "émile").to.map(\.address) == ["f@x.es"])
  }

  @Test(arguments: Engine.all) func aLogsOwnExportBroughtBackAddsNothing(engine: Engine) throws {
    let store = try engine.makeStore()
    let kept = try store.add(entry("acme", "Fixed SSO login", "2026-11-19", 90, "notes"))
    let summary = try store.importEntries(dryRun: false) { add in
      try add(entry("ACME", "Fixed SSO login", "2026-11-19", 90, "notes"), kept.id)
      try add(entry("acme", "Another with the same id", "2026-11-19", 30), kept.id)
    }
    #expect(summary == ImportSummary(added: ["acme": 1], skipped: 1))
    #expect(try store.entries(matching: EntryFilter()).map(\.title) == ["Another with the same id", "Fixed SSO login"])
  }

  @Test(arguments: Engine.all) func aSendIsRecordedBeforeItGoesAndNeverTwice(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("acme", "One", "2026-11-19", 10))
    let week = DayRange.week(containing: day("2026-11-19"))
    var message = MessageRecord(
      client: "acme", variant: .week, period: week, messageID: "<1@x>", references: [],
      subject: "s", to: "m@acme.com", cc: "", state: .sending, sentAt: "2026-11-23T08:00:00Z")
    #expect(try store.startSending(message, resend: false) == nil)
    message.messageID = "<2@x>"
    #expect(try store.startSending(message, resend: false)?.state == .sending, "may have gone: refused")
    try store.write { try $0.forgetUnsent("<1@x>") }
    #expect(try store.startSending(message, resend: false) == nil)
    try store.write {
      try $0.markSent("<2@x>", sentAt: "2026-11-23T08:01:00Z", recipients: ([Recipient(address: "m@acme.com")], []))
    }
    message.messageID = "<3@x>"
    #expect(try store.startSending(message, resend: false)?.messageID == "<2@x>")
    #expect(try store.startSending(message, resend: true) == nil)
    #expect(try store.mailSettings(of: "acme").to == [Recipient(address: "m@acme.com")])
    #expect(try store.lastMessage(to: "acme")?.messageID == "<3@x>")
  }

  @Test func aLogOnceOpenedReadOnlyIsWritableAgainAfterChmod() throws {
    let path = folder + "/tsheet.sqlite"
    _ = try SQLiteStore(path: path, person: "ana").add(entry("acme", "One", "2026-11-19", 10))
    for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
      chmod(path + suffix, 0o400)  // as SQLite leaves them when it made them while the log was read-only
    }
    FileManager.default.createFile(atPath: path + "-shm", contents: nil, attributes: [.posixPermissions: 0o400])
    let store = try SQLiteStore(path: path, person: "ana")
    #expect(try FileManager.default.attributesOfItem(atPath: path + "-shm")[.posixPermissions] as? Int == 0o600)
    _ = try store.add(entry("acme", "Two", "2026-11-20", 10))
  }

  @Test(arguments: Engine.all) func aSearchOfAnyLengthIsNoDatabaseError(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("acme", "Fixed SSO login", "2026-11-19", 10))
    #expect(try store.entries(matching: EntryFilter(search: String(repeating: "a%_\\", count: 50_000))).isEmpty)
    #expect(try store.entries(matching: EntryFilter(search: "sso LOGIN")).count == 1)
  }

  @Test func aTamperedLogIsOneClearError() throws {
    let path = folder + "/tsheet.sqlite"
    let store = try SQLiteStore(path: path, person: "ana")
    _ = try store.add(entry("acme", "One", "2026-11-19", 10))
    try store.queue.write { try $0.execute(sql: "DROP TABLE recipient") }
    #expect(throws: StoreError.unexpectedShape(path: path, reason: "no such table: recipient")) {
      try store.mailSettings(of: "acme")
    }
  }
}
