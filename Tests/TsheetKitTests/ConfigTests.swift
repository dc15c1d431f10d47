import Testing
import TsheetCore

@testable import TsheetKit

@Suite struct ConfigTests {
  @Test func readsEveryKey() throws {
    let config = try Config(
      toml: """
        default_client = " acme "
        week_start = "Sunday"
        hours_format = "decimal"
        """, file: "config.toml")
    #expect(config.defaultClient == "acme")
    #expect(config.weekStart == .sunday)
    #expect(config.hoursFormat == .decimal)
  }

  @Test func readsClientSectionsByNameInLowerCase() throws {
    let config = try Config(
      toml: """
        [clients.ACME]
        rounding = "15m"
        rounding_mode = "nearest"
        monthly_hours = 20.5
        [clients.globex]
        monthly_hours = 10
        """, file: "c.toml")
    #expect(
      config.clientSections == [
        "acme": ClientTerms(rounding: Rounding(step: 15, mode: .nearest), monthlyHours: 1230),
        "globex": ClientTerms(monthlyHours: 600),
      ])
    #expect(throws: ConfigError.self) { try Config(toml: "[clients.a]\nrounding = \"0m\"", file: "c.toml") }
    #expect(throws: ConfigError.self) { try Config(toml: "[clients.a]\nmonthly_hours = -1", file: "c.toml") }
  }

  @Test func readsTheWorkWeekAndTheTimer() throws {
    let config = try Config(
      toml: """
        person = "ana"
        max_timer_hours = 10
        hours_per_day = 7.5
        workdays = ["Mon", "tue", "wednesday", "thu"]
        """, file: "c.toml")
    #expect(config.person == "ana")
    #expect(config.maxTimer == Minutes(600))
    #expect(
      config.workweek == Workweek(workdays: [.monday, .tuesday, .wednesday, .thursday], hoursPerDay: Minutes(450)))
    #expect(Config().maxTimer == Minutes(720))
    #expect(Config().workweek.workdays == [.monday, .tuesday, .wednesday, .thursday, .friday])
    #expect(try Config(toml: "workdays = []", file: "c.toml").workweek.workdays.isEmpty)
    for bad in [
      "max_timer_hours = 0", "max_timer_hours = 25", "hours_per_day = -1", "hours_per_day = \"8\"",
      "workdays = [\"mo\"]", "workdays = \"mon\"", "workdays = [1]", "person = \"\"",
      "person = \"a\\nb\"", "max_timer_hours = nan", "hours_per_day = inf",
    ] {
      #expect(throws: ConfigError.self, "\(bad)") { try Config(toml: bad, file: "c.toml") }
    }
  }

  @Test func anEmptyFileMeansDefaults() throws {
    #expect(try Config(toml: "", file: "config.toml") == Config())
    #expect(try Config(contentsOf: "/nonexistent/config.toml") == Config())
    #expect(throws: ConfigError.missing(file: "/nonexistent/config.toml")) {
      try Config(contentsOf: "/nonexistent/config.toml", required: true)
    }
  }

  @Test func namesAnUnknownKey() {
    #expect(
      throws: ConfigError.unknownKey(
        file: "c.toml", key: "default_clinet",
        known: [
          "default_client", "week_start", "hours_format", "lang", "templates_dir", "database", "person",
          "max_timer_hours",
          "hours_per_day", "workdays", "[mail]", "[smtp]", "[imap]", "[oauth2]", "[clients.NAME]",
        ])
    ) {
      try Config(toml: "default_clinet = \"acme\"", file: "c.toml")
    }
    #expect(
      throws: ConfigError.unknownKey(
        file: "c.toml", key: "clients.acme.roundng",
        known: [
          "rounding", "rounding_mode", "monthly_hours",
        ])
    ) {
      try Config(toml: "[clients.acme]\nroundng = \"15m\"", file: "c.toml")
    }
  }

  @Test func namesABadValue() {
    #expect(
      throws: ConfigError.badValue(
        file: "c.toml", key: "hours_format",
        expected: "\"h:mm\" or \"decimal\"")
    ) {
      try Config(toml: "hours_format = \"hh\"", file: "c.toml")
    }
    #expect(throws: ConfigError.self) { try Config(toml: "week_start = 1", file: "c.toml") }
    #expect(throws: ConfigError.self) { try Config(toml: "default_client = \"\"", file: "c.toml") }
  }

  @Test func syntaxErrorsGiveTheLine() throws {
    do {
      _ = try Config(toml: "default_client = \"acme\"\nweek_start = \n", file: "c.toml")
      Issue.record("bad TOML was accepted")
    } catch let ConfigError.syntax(file, line, _) {
      #expect(file == "c.toml")
      #expect(line == 2)
    }
  }
}
