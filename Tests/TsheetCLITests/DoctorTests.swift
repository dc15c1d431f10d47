import Foundation
import Testing

/// `tsheet doctor` on a personal log: what it finds, and that it changes nothing.
@Suite struct DoctorTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  /// The verdict `doctor` gave `topic`: "ok", "warn" or "FAIL", and its line.
  func verdicts(_ output: String) -> [String: String] {
    Dictionary(
      output.split(separator: "\n").map { line in
        let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        return (String(words[1]), String(words[0]))
      }, uniquingKeysWith: { first, _ in first })
  }

  @Test func aLogThatIsNotThereYetIsNotMade() throws {
    let run = try sandbox.run(["doctor"])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("warn  log  there is no log at '\(sandbox.databasePath)' yet"))
    #expect(!FileManager.default.fileExists(atPath: sandbox.databasePath))
  }

  @Test func aHealthyLogIsAllOk() throws {
    _ = try sandbox.succeed(["log", "Fixed SSO login", "1h30m", "-c", "acme"])
    let run = try sandbox.run(["doctor"])
    #expect(run.status == 0 && run.stderr.isEmpty)
    #expect(
      verdicts(run.stdout) == ["private": "ok", "read": "ok", "write": "ok", "schema": "ok", "integrity": "ok"])
    #expect(run.stdout.contains("1 entry, 1 client"))
  }

  @Test func aLogOthersCanReadIsWarnedWithTheFix() throws {
    _ = try sandbox.succeed(["log", "Fixed SSO login", "1h30m", "-c", "acme"])
    chmod(sandbox.databasePath, 0o644)
    let run = try sandbox.run(["doctor"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("warn  private    others can read it (mode 644): chmod 600 '\(sandbox.databasePath)'"))
  }

  @Test func anotherProgramsDatabaseFailsAndIsLeftAsItWas() throws {
    let path = sandbox.folder + "/other.sqlite"
    let made = try RealPrograms.run("/usr/bin/sqlite3", [path, "CREATE TABLE notes (body text)"])
    #expect(made.status == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let run = try sandbox.run(["doctor", "--db", path])
    #expect(run.status == 65)
    #expect(verdicts(run.stdout)["read"] == "FAIL")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func aDamagedLogFails() throws {
    for day in 1...28 {
      _ = try sandbox.succeed([
        "log", String(repeating: "Long title \(day) ", count: 20), "1h", "-c", "client \(day)", "--date",
        "2026-11-\(day < 10 ? "0" : "")\(day)",
      ])
    }
    _ = try sandbox.succeed(["list"])  // the WAL checkpointed when the last connection closed
    let root = try RealPrograms.run(
      "/usr/bin/sqlite3", [sandbox.databasePath, "SELECT rootpage FROM sqlite_master WHERE name = 'entry'"])
    let page = try #require(UInt64(root.output.trimmingCharacters(in: .whitespacesAndNewlines)))
    let handle = try #require(FileHandle(forUpdatingAtPath: sandbox.databasePath))
    try handle.seek(toOffset: (page - 1) * 4096)  // the entries' first page: its header made nonsense
    try handle.write(contentsOf: Data(repeating: 0xA5, count: 16))
    try handle.close()
    let run = try sandbox.run(["doctor"])
    #expect(run.status == 65, "\(run.stdout)")
    #expect(run.stdout.contains("FAIL"))
  }

  @Test func aLookLeavesNoFileBehind() throws {
    _ = try sandbox.succeed(["log", "Fixed SSO login", "1h30m", "-c", "acme"])
    let folder = (sandbox.databasePath as NSString).deletingLastPathComponent
    let before = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(try sandbox.run(["doctor"]).status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == before, "no -wal or -shm made")
  }

  @Test func aPipeOrADeviceIsNoLog() throws {
    let fifo = sandbox.folder + "/fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    for path in [fifo, "/dev/null"] {
      let run = try sandbox.run(["doctor", "--db", path])
      #expect(run.status == 66)
      #expect(run.stdout == "FAIL  log  '\(path)' is not a file (a device or a pipe); give --db the path of a log\n")
    }
  }
}
