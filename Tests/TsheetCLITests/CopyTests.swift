import Foundation
import Testing
import TsheetTestSupport

/// `tsheet copy` through the built binary: a personal log to a team's server and back, read with the real
/// `sqlite3` and `psql`; refusals that leave everything as it was.
@Suite struct CopyTests {
  let sandbox: Sandbox
  static let sqlite3 = "/usr/bin/sqlite3"
  /// Every table of a log, the daily totals too, in a stable order.
  static let tables = [
    "client": "id", "recipient": "client_id, kind, position", "entry": "id", "client_day": "client_id, day, person",
    "message": "id", "timer": "person", "day_off": "day", "import_key": "key",
  ]

  init() throws {
    sandbox = try Sandbox()
    try sandbox.configure("[mail]\nfrom = \"Ana Ruiz <ana@consult.es>\"\n")
  }

  /// A personal log with a row in every table: two people, a gap in the ids, terms and recipients, an email
  /// written, a day off, a running timer and an import.
  func fill() throws {
    let csv = try sandbox.file("hours.csv", "date,client,title,minutes\n2026-11-10,globex,Imported,30\n")
    _ = try sandbox.succeed(["import", csv, "--quiet"])
    _ = try sandbox.succeed([
      "log", "Fixed SSO login", "1h30m", "-c", "acme", "--date", "2026-11-16", "-d", "\"IdP\"\nok",
    ])
    _ = try sandbox.succeed(["log", "Gone", "5m", "-c", "acme", "--date", "2026-11-16"])
    _ = try sandbox.succeed(["log", "Reunión", "45m", "-c", "Cafés Núñez", "--date", "2026-11-17", "--as", "luis"])
    _ = try sandbox.succeed(["rm", "3"])
    _ = try sandbox.succeed([
      "clients", "set", "acme", "--rounding", "15m", "--monthly-hours", "60", "--lang", "es",
      "--to", "Gil, Marta <marta@acme.com>", "--cc", "it@acme.com",
    ])
    _ = try sandbox.succeed(["off", "2026-12-24", "--reason", "Nochebuena"])
    _ = try sandbox.succeed(["start", "On-call", "-c", "globex", "--as", "luis"])
    _ = try sandbox.succeed([
      "week", "-c", "acme", "--week", "2026-W47", "--format", "eml", "-o", sandbox.folder + "/w47.eml",
    ])
  }

  /// Every table of the SQLite log at `path`, as the real `sqlite3` prints it.
  func tables(of path: String) throws -> String {
    try Self.tables.sorted { $0.key < $1.key }.map { table, order in
      let run = try RealPrograms.run(
        Self.sqlite3, ["-readonly", "-json", path, "SELECT * FROM \(table) ORDER BY \(order)"])
      #expect(run.status == 0)
      return "\(table): \(run.output)"
    }.joined(separator: "\n")
  }

  @Test(.enabled(if: TeamServer.isAvailable && RealPrograms.canRun(sqlite3)))
  func aLogCopiedToTheServerAndBackIsTheSameTableForTable() throws {
    try fill()
    let team = try TeamServer.newDatabase().url
    let redacted = String(team.prefix { $0 != "?" })
    #expect(
      try sandbox.succeed(["copy", "--to", team])
        == "Copied 3 clients, 2 recipients, 3 entries, 1 message, 1 running timer, 1 day off and 1 import key to \(redacted).\n"
    )
    for command in [
      ["sent"], ["clients", "show", "acme"], ["export"], ["report", "--rows", "client,person", "--by", "none"],
    ] {
      #expect(try sandbox.succeed(command + ["--db", team]) == sandbox.succeed(command), "\(command)")
    }
    try sandbox.refuse(
      ["copy", "--db", team, "--to", team + "&connect_timeout=5"], status: 64,
      error: "'\(team)&connect_timeout=5' is the log being copied; give --to another file or database.")
    let back = sandbox.folder + "/back.sqlite"
    _ = try sandbox.succeed(["copy", "--db", team, "--to", back])
    #expect(try tables(of: back) == tables(of: sandbox.databasePath))
    #expect(try tables(of: back).contains("Nochebuena"))
  }

  @Test(.enabled(if: RealPrograms.canRun(sqlite3))) func aFileCopiedToAFileIsTheSameTableForTable() throws {
    try fill()
    let copy = sandbox.folder + "/copy/tsheet.sqlite"
    _ = try sandbox.succeed(["copy", "--to", copy, "--quiet"])
    #expect(try tables(of: copy) == tables(of: sandbox.databasePath))
    let mode = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    for log in [copy, sandbox.databasePath] {  // the key changes hands in both: the tables stay the same
      #expect(
        try sandbox.succeed(["import", sandbox.folder + "/hours.csv", "--db", log])
          == "Imported 0 entries from tsheet; 1 already in the log, skipped.\n", "a file imported before adds nothing")
    }
    #expect(try tables(of: copy) == tables(of: sandbox.databasePath))
  }

  @Test func aLogThatHoldsAnythingIsNotCopiedInto() throws {
    try fill()
    var other = sandbox
    other.environment["TSHEET_DB"] = sandbox.folder + "/other.sqlite"
    _ = try other.succeed(["log", "Mine", "1h", "-c", "initech"])
    let before = try other.succeed(["export", "--format", "json"])
    try sandbox.refuse(
      ["copy", "--to", other.databasePath], status: 73,
      error: "\(other.databasePath) holds 1 client and 1 entry; copy into an empty log (nothing was changed).")
    #expect(try other.succeed(["export", "--format", "json"]) == before)
  }

  @Test func aDestinationThatIsNoNewFileIsRefusedAndLeftAlone() throws {
    try fill()
    let folder = sandbox.folder + "/folder"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    let link = sandbox.folder + "/link.sqlite"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: sandbox.folder + "/target.sqlite")
    let linkToLog = sandbox.folder + "/log-link.sqlite"
    try FileManager.default.createSymbolicLink(atPath: linkToLog, withDestinationPath: sandbox.databasePath)
    let hardLink = sandbox.folder + "/hard.sqlite"
    try FileManager.default.linkItem(atPath: sandbox.databasePath, toPath: hardLink)
    let fifo = sandbox.folder + "/fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    let notes = try sandbox.file("notes.txt", "Not a log.\n")
    let refusals: [(String, Int32, String)] =
      [
        (
          notes, 73,
          "\(notes) holds something else than a tsheet log; give --to a new file or an empty log (nothing was changed)."
        ),
        (folder, 73, "'\(folder)' is a folder, not a log; give --to the path of a new file (nothing was changed)."),
        (link, 73, "'\(link)' is a symbolic link, not a log; give --to the path of a new file (nothing was changed)."),
        (
          linkToLog, 73,
          "'\(linkToLog)' is a symbolic link, not a log; give --to the path of a new file (nothing was changed)."
        ),
        (
          "/dev/null", 73, "'/dev/null' is a device, not a log; give --to the path of a new file (nothing was changed)."
        ),
        (fifo, 73, "'\(fifo)' is a FIFO, not a log; give --to the path of a new file (nothing was changed)."),
        (
          sandbox.databasePath, 64,
          "'\(sandbox.databasePath)' is the log being copied; give --to another file or database."
        ),
        (hardLink, 64, "'\(hardLink)' is the log being copied; give --to another file or database."),
      ]
      + ["-wal", "-journal", "-shm"].map {  // SQLite would take them as the log's own, and remove them
        (
          sandbox.databasePath + $0, 64,
          "'\(sandbox.databasePath + $0)' is the log being copied; give --to another file or database."
        )
      }
    for (destination, status, error) in refusals {
      try sandbox.refuse(["copy", "--to", destination], status: status, error: error)
    }
    #expect(try String(contentsOfFile: notes, encoding: .utf8) == "Not a log.\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: sandbox.folder + "/target.sqlite"), "nothing made through the link")
    var device = stat()
    #expect(stat("/dev/null", &device) == 0 && device.st_mode & S_IFMT == S_IFCHR)
  }

  @Test func aLogThatIsNotThereIsNotCopied() throws {
    let missing = sandbox.folder + "/missing.sqlite"
    try sandbox.refuse(
      ["copy", "--db", missing, "--to", sandbox.folder + "/copy.sqlite"], status: 66,
      error: "there is no log at '\(missing)'; name the log to copy with --db or TSHEET_DB.")
    #expect(!FileManager.default.fileExists(atPath: missing))
    #expect(!FileManager.default.fileExists(atPath: sandbox.folder + "/copy.sqlite"))
  }

  /// A log holding `count` entries, the last of which its schema's checks did not see (written with them off,
  /// as another program may): minutes 0.
  func logWithABadLastRow(_ count: Int) throws {
    let csv = try sandbox.file(
      "many.csv", "date,client,title,minutes\n" + (1...count).map { "2026-11-16,acme,Task \($0),15\n" }.joined())
    _ = try sandbox.succeed(["import", csv, "--quiet"])
    let run = try RealPrograms.run(
      Self.sqlite3,
      [
        sandbox.databasePath,
        "PRAGMA ignore_check_constraints = ON; INSERT INTO entry (client_id, person, title, day, minutes) VALUES (1, 'ana', 'Zero', '2026-11-16', 0)",
      ])
    #expect(run.status == 0)
  }

  @Test(.enabled(if: RealPrograms.canRun(sqlite3))) func aRowTheDestinationRefusesLeavesNothingBehind() throws {
    try logWithABadLastRow(12_000)
    let new = sandbox.folder + "/new.sqlite"
    let run = try sandbox.run(["copy", "--to", new])
    #expect(run.status == 65)
    #expect(
      run.stderr
        == "Error: \(new) refused a row of the log (the database says: CHECK constraint failed: minutes BETWEEN 1 AND 1440); nothing was copied: correct the row and copy again.\n"
    )
    #expect(!FileManager.default.fileExists(atPath: new), "the file the copy made is gone")
    #expect(!FileManager.default.fileExists(atPath: new + "-wal"))
    var empty = sandbox
    empty.environment["TSHEET_DB"] = sandbox.folder + "/empty.sqlite"
    _ = try empty.succeed(["off", "2026-12-24"])
    _ = try empty.succeed(["off", "2026-12-24", "--remove"])
    #expect(try sandbox.run(["copy", "--to", empty.databasePath]).status == 65)
    #expect(try tables(of: empty.databasePath).split(separator: "\n").allSatisfy { $0.hasSuffix(": ") }, "empty")
  }

  @Test(.enabled(if: TeamServer.isAvailable && RealPrograms.canRun(sqlite3)))
  func aRowTheServerRefusesMidwayLeavesItEmpty() throws {
    try logWithABadLastRow(12_000)
    let team = try TeamServer.newDatabase()
    let run = try sandbox.run(["copy", "--to", team.url])
    #expect(run.status == 65)
    #expect(run.stderr.contains("refused a row of the log (the database says: "), "\(run.stderr)")
    #expect(try TeamServer.psql("SELECT count(*) FROM entry", database: team.name) == "0\n")
    #expect(try TeamServer.psql("SELECT count(*) FROM client", database: team.name) == "0\n")
  }
}

extension LostServerTests {
  @Test func aCopyWhoseServerSessionIsEndedMidwayLeavesTheServerEmpty() throws {
    let csv = try sandbox.file(
      "many.csv", "date,client,title,minutes\n" + (1...100_000).map { "2026-11-16,acme,Task \($0),15\n" }.joined())
    _ = try sandbox.succeed(["import", csv, "--quiet"])
    let team = try TeamServer.newDatabase()
    let copying = try sandbox.launch(["copy", "--to", team.url])
    let writer = try #require(
      try session(on: team.name, where: "a.query LIKE 'INSERT INTO entry %'"), "the copy is writing entries")
    try TeamServer.psql("SELECT pg_terminate_backend(\(writer))")
    let end = try copying.finish(timeout: 30)
    #expect(end.status == 75)
    #expect(
      [
        Self.lost(team.url, because: "terminating connection due to administrator command"),
        Self.lost(team.url, because: "the server closed the connection"),
      ].contains(end.stderr), "\(end.stderr)")
    #expect(try TeamServer.psql("SELECT count(*) FROM entry", database: team.name) == "0\n", "rolled back")
  }
}

extension ProgressTests {
  @Test func aCopyShowsRowsAndRateOnATerminal() throws {
    let database = sandbox.folder + "/a.sqlite"
    _ = try onATerminal(["import", "--quiet", file], database: database)
    let copied = try onATerminal(["copy", "--to", sandbox.folder + "/b.sqlite"], database: database)
    #expect(copied.contains("\rCopied 200001 rows, "), "a client, its entries and their import keys")
    #expect(copied.contains("Copied 1 client, 100000 entries and 100000 import keys to "))
  }
}
