import Foundation
import Testing

/// What a user can type that used to trap, print help, log the wrong thing or echo raw control characters:
/// each is now one line, a sysexits status, and the log as it was.
@Suite struct HostileArgumentTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    _ = try sandbox.succeed(["log", "Existing work", "1h", "-c", "acme", "--date", "2026-11-20"])
  }

  @Test func durationsNoClockHolds() throws {
    for duration in ["99999999999999999999", "9223372036854775807:00", "1e300h"] {
      let run = try sandbox.run(["log", "x", duration, "-c", "acme"])
      #expect(run.status == 65, "\(duration)")
      #expect(run.stderr.hasPrefix("Error: '\(duration)' is "), "\(run.stderr)")
    }
    try sandbox.refuse(
      ["edit", "1", "99999999999999999999"], status: 65,
      error: "'99999999999999999999' is longer than a day; log at most 24h per entry.")
  }

  @Test func aNegativeDurationIsRefusedNotTakenForHelp() throws {
    try sandbox.refuse(
      ["log", "x", "-1h", "-c", "acme"], status: 65,
      error: "'-1h' is negative; log the time spent, like 45m, and fix mistakes with 'tsheet edit'.")
    try sandbox.refuse(
      ["edit", "1", "-30m"], status: 65,
      error: "'-30m' is negative; log the time spent, like 45m, and fix mistakes with 'tsheet edit'.")
  }

  @Test func aDurationAndMinutesTogetherAreRefused() throws {
    try sandbox.refuse(
      ["log", "t", "1h", "-c", "acme", "--minutes", "5"], status: 64,
      error: "'1h' and --minutes both give the duration; keep one of them.")
    #expect(try sandbox.succeed(["log", "Meeting", "2", "-c", "acme", "--minutes", "30"]).contains("Meeting 2  0:30"))
  }

  @Test func controlCharactersAreRefusedAndEchoedEscaped() throws {
    try sandbox.refuse(
      ["log", "x", "1h", "-c", "bad\nclient"], status: 65,
      error: "the client name holds a line break or a control character; name it on one line.")
    try sandbox.refuse(
      ["log", "x\u{1B}[31m", "1h", "-c", "acme"], status: 65,
      error: "the title holds a control character; write it as plain text.")
    try sandbox.refuse(
      ["list", "-c", "evil\u{1B}]0;owned\u{7}\r\nclient"], status: 66,
      error: "there is no client 'evil\\x1b]0;owned\\x07\\r\\nclient'; see them with 'tsheet clients'.")
    try sandbox.refuse(
      ["log", "x", "1h", "-c", "acme", "--date", String(repeating: "9", count: 100_000)], status: 64,
      error:
        "'\(String(repeating: "9", count: 59))…' is not a date; use today, yesterday, a weekday (mon, lun…) or YYYY-MM-DD."
    )
  }

  @Test func theCalendarsEndsAreOneLine() throws {
    var first = sandbox
    first.environment["TSHEET_TODAY"] = "0001-01-01"
    try first.refuse(
      ["log", "x", "1h", "-c", "acme", "--date", "yesterday"], status: 64,
      error: "'yesterday' reaches outside the calendar tsheet keeps (0001-01-01 to 9999-12-31); choose days inside it.")
    first.environment["TSHEET_TODAY"] = "0001-01-03"
    try first.refuse(
      ["week"], status: 64,
      error: "'last' reaches outside the calendar tsheet keeps (0001-01-01 to 9999-12-31); choose days inside it.")
    try sandbox.refuse(
      ["week", "--week", "9999-12-31"], status: 64,
      error: "'9999-12-31' reaches outside the calendar tsheet keeps (0001-01-01 to 9999-12-31); choose days inside it."
    )
    #expect(try sandbox.succeed(["report", "--by", "year", "--year", "9999"]) == "No entries.\n")
    #expect(
      try sandbox.succeed(["report", "--by", "week", "--from", "0001-01-01", "--to", "0001-01-10"]) == "No entries.\n")
  }

  @Test func aSearchOfAnyLengthIsNoError() throws {
    let long = String(repeating: "%_\\a", count: 12_500)
    #expect(try sandbox.succeed(["list", "--search", long]) == "No entries.\n")
    #expect(
      try sandbox.succeed(["export", "--search", long]) == "id,date,client,title,description,minutes,hours,person\r\n")
    #expect(try sandbox.succeed(["report", "--search", long]) == "No entries.\n")
  }

  @Test func clientsMatchWithoutRegardToCaseInEveryAlphabet() throws {
    _ = try sandbox.succeed(["log", "One", "1h", "-c", "Émile"])
    #expect(try sandbox.succeed(["log", "Two", "1h", "-c", "émile"]).contains("  Émile  Two"))
    #expect(try sandbox.succeed(["clients"]).split(separator: "\n").count == 3)
  }

  @Test func aConfigRoundingNoClockHoldsStopsNothingButItself() throws {
    try sandbox.write("[clients.acme]\nrounding = \"99999999999999999999h\"\n", to: sandbox.configPath)
    try sandbox.refuse(
      ["list"], status: 78,
      error: "\(sandbox.configPath): 'clients.acme.rounding' must be a duration such as \"15m\".")
    try sandbox.write("lang = \"es\"\u{0}\n", to: sandbox.configPath)
    try sandbox.refuse(
      ["list"], status: 78,
      error: "\(sandbox.configPath) line 1: a NUL byte, which TOML does not allow; fix the TOML syntax.")
  }

  @Test func foldersAndMissingPlacesAreNamed() throws {
    try sandbox.refuse(
      ["import", sandbox.folder], status: 66,
      error: "'\(sandbox.folder)' is a folder; give the path of a file to import.")
    try sandbox.refuse(
      ["templates", "check", sandbox.folder + "/no/such/folder"], status: 66,
      error: "cannot read the templates at '\(sandbox.folder)/no/such/folder'; check the path and its permissions.")
    var demo = sandbox
    demo.environment["TMPDIR"] = sandbox.folder + "/nonexistent"
    try demo.refuse(
      ["demo"], status: 74,
      error:
        "cannot create the demo's folder in '\(sandbox.folder)/nonexistent'; set TMPDIR to a folder you can write, or unset it."
    )
    #expect(!FileManager.default.fileExists(atPath: sandbox.folder + "/nonexistent"))
  }
}
