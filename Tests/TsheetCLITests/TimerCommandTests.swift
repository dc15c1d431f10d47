import Foundation
import Testing

/// The timer end to end, the clock pinned with `TSHEET_NOW` for each run.
@Suite struct TimerCommandTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  /// Runs `tsheet arguments…` at `now` (`2026-11-23T09:00`, local time).
  func at(_ now: String, _ arguments: [String]) throws -> Sandbox.Run {
    var sandbox = sandbox
    sandbox.environment["TSHEET_NOW"] = now
    sandbox.environment["TSHEET_TODAY"] = String(now.prefix(10))
    return try sandbox.run(arguments)
  }

  func entries() throws -> [[String: Any]] {
    let json = try sandbox.succeed(["list", "--format", "json", "--limit", "0"])
    return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
  }

  @Test func startStatusAndStopOverAnHour() throws {
    let start = try at("2026-11-23T09:00", ["start", "Fixed", "SSO", "login", "-c", "acme", "-d", "IdP clock"])
    #expect(start.status == 0 && start.stderr == "")
    #expect(start.stdout == "Started \"Fixed SSO login\" for acme at 09:00.\n")

    let status = try at("2026-11-23T09:40", ["status"])
    #expect(status.status == 0)
    #expect(status.stdout == "acme  Fixed SSO login  since 09:00  0:40\n  IdP clock\n")
    let json = try at("2026-11-23T09:40", ["status", "--format", "json"])
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(object?["title"] as? String == "Fixed SSO login")
    #expect(object?["client"] as? String == "acme")
    #expect(object?["description"] as? String == "IdP clock")
    #expect(object?["started"] as? String == "2026-11-23T09:00")
    #expect(object?["minutes"] as? Int == 40)

    let stop = try at("2026-11-23T10:05", ["stop"])
    #expect(stop.status == 0 && stop.stderr == "")
    #expect(stop.stdout == "Logged #1: Mon 2026-11-23  acme  Fixed SSO login  1:05\n")
    let none = try at("2026-11-23T10:06", ["status"])
    #expect(none.status == 1 && none.stdout == "No timer is running.\n" && none.stderr == "")
    #expect(try at("2026-11-23T10:06", ["status", "--format", "json"]).stdout == "null\n")
    #expect(try entries().map { $0["minutes"] as? Int } == [65])
    #expect(try entries().first?["description"] as? String == "IdP clock")
  }

  @Test func aTimerAcrossMidnightLogsAnEntryPerDay() throws {
    _ = try at("2026-11-23T23:00", ["start", "Night", "migration", "-c", "globex"])
    let stop = try at("2026-11-24T01:30", ["stop", "-d", "Cut-over done"])
    #expect(
      stop.stdout == """
        Logged #1: Mon 2026-11-23  globex  Night migration  1:00
        Logged #2: Tue 2026-11-24  globex  Night migration  1:30

        """)
    #expect(
      try entries().map { "\($0["date"]!) \($0["minutes"]!) \($0["description"]!)" }
        == ["2026-11-24 90 Cut-over done", "2026-11-23 60 Cut-over done"])
  }

  @Test func aForgottenTimerIsRefusedThenStoppedWithTheTruth() throws {
    _ = try at("2026-11-23T09:00", ["start", "ERP upgrade", "-c", "acme"])
    let before = try sandbox.snapshot()
    let refused = try at("2026-11-23T23:30", ["stop"])
    #expect(refused.status == 65)
    #expect(
      refused.stderr
        == "Error: the timer has run 14:30 since Mon 2026-11-23 09:00, longer than max_timer_hours (12h); say how long you worked, e.g. tsheet stop 7h30m, or drop it with tsheet cancel. It keeps running.\n"
    )
    #expect(try sandbox.snapshot() == before)
    #expect(try at("2026-11-23T23:31", ["status"]).status == 0)
    let told = try at("2026-11-23T23:31", ["stop", "7h30m"])
    #expect(told.stdout == "Logged #1: Mon 2026-11-23  acme  ERP upgrade  7:30\n")
    #expect(try at("2026-11-23T23:32", ["status"]).status == 1)
  }

  /// The last day a log holds is 9999-12-31: a timer that would end after it is refused, the log untouched.
  @Test func aStopPastTheCalendarsEndIsRefused() throws {
    _ = try at("9999-12-31T23:00", ["start", "Year-end close", "-c", "acme"])
    let before = try sandbox.snapshot()
    let refused = try at("9999-12-31T23:30", ["stop", "2h"])
    #expect(refused.status == 65)
    #expect(
      refused.stderr
        == "Error: the timer started at 9999-12-31 23:00 and would end after 9999-12-31, the last day a log holds; give a shorter duration, or drop it with tsheet cancel. It keeps running.\n"
    )
    #expect(try sandbox.snapshot() == before)
    #expect(
      try at("9999-12-31T23:30", ["stop", "1h"]).stdout == "Logged #1: Fri 9999-12-31  acme  Year-end close  1:00\n")
    #expect(try sandbox.run(["list"]).status == 0)
  }

  @Test func theLimitIsTheConfigs() throws {
    try sandbox.configure("max_timer_hours = 2\n")
    _ = try at("2026-11-23T09:00", ["start", "Call", "-c", "acme"])
    #expect(try at("2026-11-23T11:01", ["stop"]).status == 65)
    #expect(try at("2026-11-23T11:01", ["stop", "-45m"]).stderr.contains("negative"))
    #expect(try at("2026-11-23T11:01", ["stop", "2h"]).status == 0)
  }

  @Test func startingWhileOneRunsStopsAndLogsItFirst() throws {
    _ = try at("2026-11-23T09:00", ["start", "Triage", "-c", "acme"])
    let second = try at("2026-11-23T10:15", ["start", "Backup test", "-c", "globex"])
    #expect(
      second.stdout == """
        Logged #1: Mon 2026-11-23  acme  Triage  1:15
        Started "Backup test" for globex at 10:15.

        """)
    #expect(try at("2026-11-23T10:20", ["status"]).stdout.hasPrefix("globex  Backup test  since 10:15  0:05"))
  }

  @Test func cancelDropsTheTimerAndLogsNothing() throws {
    _ = try at("2026-11-23T09:00", ["start", "Oops", "-c", "acme"])
    let cancel = try at("2026-11-23T09:10", ["cancel"])
    #expect(cancel.stdout == "Cancelled \"Oops\" for acme, started 09:00; nothing was logged.\n")
    #expect(try entries().isEmpty)
    try sandbox.refuse(
      ["cancel"], status: 66, error: "no timer is running; start one with tsheet start \"TITLE\" -c CLIENT.")
    try sandbox.refuse(
      ["stop"], status: 66, error: "no timer is running; start one with tsheet start \"TITLE\" -c CLIENT.")
  }

  @Test func badStartsAndClocksAreRefused() throws {
    _ = try sandbox.succeed(["log", "Kick-off", "15m", "-c", "globex"])  // a refused start leaves the log as it was
    try sandbox.refuse(
      ["start", "Title"], status: 64,
      error: "no client given; add -c CLIENT, or set default_client in the config file.")
    try sandbox.refuse(
      ["start", "-c", "acme"], status: 65,
      error: "the title is empty; say what you did, e.g. tsheet log \"Fixed SSO login\" 1h.")
    try sandbox.refuse(
      ["start", "x\u{1B}[2J", "-c", "acme"], status: 65,
      error: "the title holds a control character; write it as plain text.")
    let disagree = try at("2026-11-23T09:00", ["status"])
    var other = sandbox
    other.environment["TSHEET_NOW"] = "2026-11-24T09:00"
    let run = try other.run(["status"])
    #expect(run.status == 78)
    #expect(
      run.stderr
        == "Error: TSHEET_TODAY=2026-11-23 and TSHEET_NOW=2026-11-24T09:00 name different days; unset one or make them agree.\n"
    )
    other.environment["TSHEET_NOW"] = "9am"
    #expect(
      try other.run(["status"]).stderr
        == "Error: TSHEET_NOW='9am' is not a time; set it as YYYY-MM-DDTHH:MM (local time) or unset it.\n")
    #expect(disagree.status == 1)
  }

  /// Two terminals are two processes: each sees the timer the other started, and two starts at once leave
  /// one timer running and the other logged.
  @Test func everyTerminalSeesTheSameTimer() throws {
    _ = try sandbox.succeed(["log", "Warm-up", "5m", "-c", "acme"])  // the log exists before the race
    let starts = (0..<2).map { index in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Sandbox.binary)
      process.arguments = ["start", "Task \(index)", "-c", "acme"]
      process.environment = sandbox.environment.merging(["TSHEET_NOW": "2026-11-23T09:00"]) { $1 }
      process.standardOutput = FileHandle.nullDevice
      return process
    }
    for process in starts { try process.run() }
    for process in starts {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    let status = try at("2026-11-23T09:30", ["status", "--format", "json"])
    let running = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
    let title = try #require(running?["title"] as? String)
    let logged = try entries().compactMap { $0["title"] as? String }
    #expect(Set(logged + [title]) == ["Warm-up", "Task 0", "Task 1"])
    #expect(logged.count == 2)
  }

  @Test func listingsShowTheRunningTimerAsProvisional() throws {
    _ = try at("2026-11-23T08:00", ["log", "Standup", "15m", "-c", "acme"])
    _ = try at("2026-11-23T09:00", ["start", "Fixed SSO login", "-c", "acme"])
    let list = try at("2026-11-23T09:40", ["list"])
    #expect(
      list.stdout.hasPrefix("Running since 09:00 (not logged yet): acme  Fixed SSO login  0:40\n\nMon 2026-11-23"))
    #expect(list.stdout.contains("Total, 1 entry"))
    #expect(try at("2026-11-23T09:40", ["list", "--search", "standup"]).stdout.hasPrefix("Mon 2026-11-23"))
    #expect(try at("2026-11-23T09:40", ["list", "--week", "last"]).stdout == "No entries.\n")
    #expect(try at("2026-11-23T09:40", ["list", "--format", "json"]).stdout.contains("Fixed SSO login") == false)
    let table = try at("2026-11-23T09:40", ["week", "-c", "acme", "--week", "this", "--format", "table"])
    #expect(table.stdout.hasSuffix("\nRunning since 09:00 (not logged yet): acme  Fixed SSO login  0:40\n"))
    #expect(table.stdout.contains("Week total                   0:15"))
    let email = try at("2026-11-23T09:40", ["week", "-c", "acme", "--week", "this"])
    #expect(!email.stdout.contains("Running") && !email.stdout.contains("Fixed SSO login"))
  }
}
