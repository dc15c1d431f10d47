import Foundation
import Testing

/// The week's gaps before the Monday email: a week whose Wednesday holds nothing, looked at on Monday 2026-11-23.
@Suite struct GapTests {
  let sandbox: Sandbox
  let wednesday = "Warning: nothing is logged on Wed 2026-11-18; log it, or mark it off with 'tsheet off 2026-11-18'.\n"

  init() throws {
    sandbox = try Sandbox(today: "2026-11-23")
    try sandbox.write(
      "[mail]\nfrom = \"Ana Ruiz <ana@consult.es>\"\ntransport = \"sendmail\"\n", to: sandbox.configPath)  // Monday to Friday
    for (day, hours) in [("2026-11-16", "8h"), ("2026-11-17", "6h"), ("2026-11-19", "30m"), ("2026-11-20", "7h")] {
      _ = try sandbox.succeed(["log", "ERP upgrade", hours, "-c", "acme", "--date", day])
    }
    _ = try sandbox.succeed(["log", "Weekend check", "1h", "-c", "globex", "--date", "2026-11-21"])
    _ = try sandbox.succeed(["clients", "set", "acme", "--to", "Marta Gil <marta@acme.com>"])
  }

  @Test func anEmptyWednesdayIsTheGapAndTheWeekendIsNot() throws {
    #expect(try sandbox.succeed(["gaps"]) == "2026-11-18  Wed  nothing logged\n")
    #expect(try sandbox.succeed(["gaps", "2026-W47"]) == "2026-11-18  Wed  nothing logged\n")
    #expect(try sandbox.succeed(["gaps", "2026-11-19..2026-11-22"]) == "No gaps from 2026-11-19 to 2026-11-22.\n")
    // This week: Monday (today) is not over, and the rest has not come.
    #expect(try sandbox.succeed(["gaps", "this"]) == "No gaps from 2026-11-23 to 2026-11-29.\n")
  }

  @Test func hoursPerDayFindsTheShortDaysToo() throws {
    try sandbox.write(
      "hours_per_day = 7.5\nworkdays = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\"]\n",
      to: sandbox.configPath)
    #expect(
      try sandbox.succeed(["gaps"]) == """
        2026-11-17  Tue  6:00 logged, 1:30 missing
        2026-11-18  Wed  nothing logged, 7:30 missing
        2026-11-19  Thu  0:30 logged, 7:00 missing
        2026-11-20  Fri  7:00 logged, 0:30 missing
        2026-11-21  Sat  1:00 logged, 6:30 missing

        """)
  }

  @Test func aDayOffIsNeverAGap() throws {
    #expect(try sandbox.succeed(["off", "2026-11-18", "--reason", "Médico"]) == "Marked 2026-11-18 off for ana.\n")
    #expect(try sandbox.succeed(["gaps"]) == "No gaps from 2026-11-16 to 2026-11-22.\n")
    #expect(try sandbox.succeed(["off"]) == "2026-11-18  Wed  ana  Médico\n")
    let week = try sandbox.run(["week", "-c", "acme"])
    #expect(week.status == 0 && week.stderr == "")
    #expect(try sandbox.succeed(["off", "2026-11-18", "--remove"]) == "Unmarked 2026-11-18 for ana.\n")
    #expect(try sandbox.succeed(["gaps"]) == "2026-11-18  Wed  nothing logged\n")
    #expect(
      try sandbox.succeed(["off", "2026-12-24..2026-12-31", "--reason", "Navidad"])
        == "Marked 8 days, 2026-12-24 to 2026-12-31 off for ana.\n")
    #expect(try sandbox.succeed(["off"]).split(separator: "\n").count == 8)
    try sandbox.refuse(
      ["off", "someday"], status: 64,
      error:
        "'someday' names no days; use last, this, 2026-W47, 2026-11, 2026, a date, or two dates joined by .. such as 2026-12-24..2026-12-31 (the first not after the second)."
    )
    try sandbox.refuse(
      ["off", "2026-11-18", "--reason", "a\u{7}b"], status: 65,
      error: "the reason holds a control character; write it as plain text on one line.")
  }

  @Test func weekWarnsOnStandardErrorAndNeverInTheEmail() throws {
    for format in ["text", "html", "eml", "table"] {
      let run = try sandbox.run(["week", "-c", "acme", "--format", format])
      #expect(run.status == 0)
      #expect(run.stderr == wednesday, "\(format)")
      #expect(!run.stdout.contains("Warning") && !run.stdout.contains("tsheet off"), "\(format)")
    }
    let refused = try sandbox.run(["week", "-c", "globex", "--format", "eml"])
    #expect(
      refused.stderr
        == "Error: no recipients for globex; set them with tsheet clients set globex --to ADDRESS [--cc ADDRESSES].\n")
  }

  @Test func sendWarnsAndStrictSendsNothing() throws {
    let dryRun = try sandbox.run(["send", "--all", "--dry-run"])
    #expect(dryRun.status == 0)
    #expect(dryRun.stderr == wednesday)
    #expect(dryRun.stdout.hasPrefix("acme: /usr/sbin/sendmail -i -f ana@consult.es -- marta@acme.com\n"))

    let strict = try sandbox.run(["send", "--all", "--strict", "--dry-run"])
    #expect(strict.status == 65)
    #expect(strict.stderr == wednesday)
    #expect(
      strict.stdout == """
        acme: not sent to acme: nothing or too little is logged on Wed 2026-11-18; log it or mark the days off with 'tsheet off', or send without --strict.
        0 of 1 sent or already sent.

        """)
    _ = try sandbox.succeed(["log", "ERP upgrade", "8h", "-c", "acme", "--date", "2026-11-18"])
    let complete = try sandbox.run(["send", "--all", "--strict", "--dry-run"])
    #expect(complete.status == 0 && complete.stderr == "")
  }
}
