import Foundation
import Testing

/// A client's rounding, contracted hours, language and recipients live in the log: set and shown by
/// `clients set` and `clients show`, moved in once from a config's `[clients.X]` section, then the section is
/// ignored.
@Suite struct ClientSettingsTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox(today: "2026-11-23")
    _ = try sandbox.succeed(["log", "Fixed SSO login", "50m", "-c", "acme", "--date", "2026-11-16"])
    _ = try sandbox.succeed(["log", "Weekly sync", "20m", "-c", "acme", "--date", "2026-11-18"])
  }

  @Test func setAndShowPrintEverySettingRecipientsIncluded() throws {
    let set = try sandbox.succeed([
      "clients", "set", "ACME", "--rounding", "15m", "--rounding-mode", "nearest", "--monthly-hours", "20.5",
      "--lang", "es", "--to", "Marta Gil <marta@acme.com>", "--cc", "it@acme.com, \"Núñez, José\" <jose@acme.com>",
    ])
    let expected = """
      Client:         acme
      Rounding:       each entry rounded to the nearest 15m
      Monthly hours:  20:30 contracted
      Language:       es
      To:             Marta Gil <marta@acme.com>
      Cc:             it@acme.com, Núñez, José <jose@acme.com>

      """
    #expect(set == expected)
    #expect(try sandbox.succeed(["clients", "show", "acme"]) == expected)
    #expect(
      try sandbox.succeed(["clients", "set", "acme", "--rounding-mode", "up", "--monthly-hours", "none"])
        == expected.replacing("to the nearest 15m", with: "up to 15m").replacing("20:30 contracted", with: "none"),
      "only what is given changes")
  }

  @Test func aClientWithNothingSetShowsTheDefaults() throws {
    #expect(
      try sandbox.succeed(["clients", "show", "Acme"]) == """
        Client:         acme
        Rounding:       none (billed as logged)
        Monthly hours:  none
        Language:       en (the default)
        To:             -
        Cc:             -

        """)
    try sandbox.refuse(
      ["clients", "show", "initech"], status: 66,
      error: "there is no client 'initech'; see them with 'tsheet clients'.")
  }

  @Test func theReportBillsByTheLogsTerms() throws {
    _ = try sandbox.succeed(["clients", "set", "acme", "--rounding", "30m", "--monthly-hours", "1"])
    #expect(
      try sandbox.succeed(["report", "--by", "none"]) == """
        Total      1:30  ████████████████████████
          acme     1:30  ████████████████████████

        acme: each entry rounded up to 30m.
        Warning: acme: 1:00 a month contracted; 2026-11 used 1:30, over by 0:30.

        """)
  }

  @Test func badTermsAreRefusedWithTheLogUntouched() throws {
    _ = try sandbox.succeed(["clients", "set", "acme", "--to", "marta@acme.com"])
    let before = try sandbox.succeed(["clients", "show", "acme"])
    for (arguments, error) in [
      (
        ["--rounding", "0m"],
        "--rounding '0m' is not a step from 1m to 24h; write it like 15m, 30m or 1h, or none to bill as logged. "
          + "(see 'tsheet clients --help')"
      ),
      (
        ["--monthly-hours", "1e400"],
        "--monthly-hours '1e400' is not a number of hours between 0 and 1000; write it like 60 or 20.5, or none "
          + "for no contract. (see 'tsheet clients --help')"
      ),
      (
        ["--rounding-mode", "nearest", "--to", "spy@evil.example"],
        "'acme' bills as logged, so --rounding-mode has nothing to round; give --rounding 15m with it."
      ),
    ] {
      try sandbox.refuse(["clients", "set", "acme"] + arguments, status: 64, error: error)
      #expect(try sandbox.succeed(["clients", "show", "acme"]) == before, "\(arguments)")
    }
  }

  @Test func aConfigSectionIsMovedIntoTheLogOnceThenIgnored() throws {
    try sandbox.configure("[clients.ACME]\nrounding = \"30m\"\nmonthly_hours = 10\n")
    let first = try sandbox.run(["report", "--by", "none"])
    #expect(first.status == 0)
    #expect(
      first.stderr == """
        Moved the config's [clients.acme] (rounded up to 30m, 10 hours a month) into the log, where everyone sharing it bills by it; the section is ignored from now on: change it with tsheet clients set acme.

        """)
    #expect(first.stdout.contains("acme: each entry rounded up to 30m."))
    let second = try sandbox.run(["report", "--by", "none"])
    #expect(second.stdout == first.stdout)
    #expect(
      second.stderr == """
        Warning: the config's [clients.acme] is ignored: its terms live in the log now (tsheet clients show acme); delete the section, and change them with tsheet clients set acme.

        """)
    _ = try sandbox.run(["clients", "set", "acme", "--rounding", "15m"])
    try sandbox.configure("[clients.acme]\nrounding = \"1h\"\nrounding_mode = \"nearest\"\n")
    let changed = try sandbox.run(["week", "-c", "acme", "--format", "table"])
    #expect(
      changed.stdout.contains("Week total                   1:30"), "billed by the log's 15m, not the section's 1h")
    #expect(
      changed.stderr == """
        Warning: the config's [clients.acme] is ignored: the log bills acme by other terms (tsheet clients show acme); to bill by the section's, run tsheet clients set acme --rounding 1h --rounding-mode nearest --monthly-hours none, then delete the section.

        """)
  }
}
