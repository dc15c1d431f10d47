import Foundation
import Testing

/// The files in `Hostile/` (numbers no integer holds, NUL and escape sequences, 100 KB fields, the calendar's
/// ends, 100,000 nested brackets, spans of a decade, bytes that are not UTF-8, ids that are no entry's, tsheet's
/// own `--excel` cells, a last row without its line break) imported by the built binary: each is read or refused with
/// one printable line and a sysexits status, and a refused one leaves the log as it was.
@Suite struct HostileCorpusTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Hostile").path
  static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()

  let sandbox: Sandbox

  init() throws {
    var sandbox = try Sandbox()
    sandbox.environment["TZ"] = "UTC"
    self.sandbox = sandbox
    _ = try sandbox.succeed(["log", "Existing work", "1h", "-c", "acme", "--date", "2026-11-20"])
  }

  @Test func theCorpusIsThere() {
    #expect(Self.files.count >= 50)
  }

  @Test(arguments: files)
  func eachFileIsReadOrRefusedInOneLine(name: String) throws {
    let before = try sandbox.snapshot()
    let run = try sandbox.run(["import", "\(Self.folder)/\(name)"])
    #expect(run.status == 0 || (64...78).contains(run.status), "status \(run.status)")
    #expect(run.status != 70, "tsheet's own failure")
    let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count <= 2 && lines.last == "", "one line: \(run.stderr.prefix(300))")
    #expect(!run.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
    #expect(run.stderr.count < 500)
    if run.status != 0 {
      #expect(run.stderr.hasPrefix("Error: \(name) "))
      #expect(try sandbox.snapshot() == before, "a refused import changed the log")
    }
  }

  @Test func importsThatMustBeRefusedAre() throws {
    // A person that is no text reads as absent: the row is the importer's. A span past max_timer_hours is
    // imported with a warning.
    let read = [
      "header-only.csv", "json-person-number.json", "timew-42h.json", "timew-client-earlier.json",
      "toggl-decimal.csv", "excel-export.csv", "no-final-newline.csv",
    ]
    let refused = Self.files.filter { !read.contains($0) }
    for name in refused {
      #expect(try sandbox.run(["import", "\(Self.folder)/\(name)"]).status == 65, "\(name)")
    }
  }

  @Test func aTeamURLThatCannotBeReadIsOneLineAndConfig() throws {
    for (url, reason) in [
      ("postgres://ana@db.example:0/team", "the port '0' is not a number from 1 to 65535"),
      ("postgres://ana@db\u{1B}[31m/team", "the host 'db\\x1b[31m' is not a host name or address"),
      (
        "postgres://ana@db.example/team?sslmode=maybe",
        "sslmode 'maybe' is not one of disable, prefer, require, verify-full"
      ),
      (
        "postgres://ana@127.0.0.1:1/" + String(repeating: "t", count: 20_000),
        "the database name is 20000 bytes long, and PostgreSQL's names are at most 63"
      ),
      (
        "postgres://ana@db.example/team?connect_timeout=0",
        "connect_timeout '0' is not a number of seconds from 1 to 3600"
      ),
    ] {
      try sandbox.refuse(
        ["list", "--db", url], status: 78,
        error: "the database URL cannot be read: \(reason); "
          + "write it as postgres://user@host:5432/dbname?sslmode=verify-full.")
    }
  }

  @Test func aCorruptOrForeignDatabaseIsRefusedUntouched() throws {
    let cases: [(String, Data, String)] = [
      (
        "torn.sqlite", Data("SQLite format 3\0".utf8) + Data(repeating: 0xFF, count: 4000),
        "is not a tsheet database (not an SQLite file); check --db or TSHEET_DB."
      ),
      (
        "garbage.sqlite", Data((0..<4096).map { UInt8($0 % 251) }),
        "is not a tsheet database (not an SQLite file); check --db or TSHEET_DB."
      ),
    ]
    for (name, bytes, message) in cases {
      let path = sandbox.folder + "/" + name
      try bytes.write(to: URL(fileURLWithPath: path))
      let run = try sandbox.run(["list", "--db", path])
      #expect(run.status == 65, "\(name)")
      #expect(run.stderr == "Error: '\(path)' \(message)\n")
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }
  }
}
