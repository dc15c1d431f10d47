import Foundation
import Testing
import TsheetTestSupport

/// Each person's gaps and days off, on a personal log and (with the test server) a team's: ana, who runs
/// tsheet, and luis log for acme in the week of 2026-11-16, looked at on Monday 2026-11-23. ana's Wednesday is
/// empty; so are luis's Tuesday and Wednesday.
@Suite struct TeamGapTests {
  let sandbox: Sandbox
  let anasWednesday =
    "Warning: nothing is logged on Wed 2026-11-18; log it, or mark it off with 'tsheet off 2026-11-18'.\n"
  let luisTuesday =
    "Warning: luis: nothing is logged on Tue 2026-11-17; log it, or mark it off with 'tsheet off 2026-11-17 --as luis'.\n"
  let luisWednesday =
    "Warning: luis: nothing is logged on Wed 2026-11-18; log it, or mark it off with 'tsheet off 2026-11-18 --as luis'.\n"

  init() throws {
    sandbox = try Sandbox(today: "2026-11-23")
    try sandbox.write(
      "[mail]\nfrom = \"Ana Ruiz <ana@consult.es>\"\ntransport = \"sendmail\"\n", to: sandbox.configPath)  // Monday to Friday
  }

  /// The logs each test runs on, in turn: a new database on the test server, then the sandbox's SQLite file.
  func logs() throws -> [[String]] {
    (TeamServer.isAvailable ? [["--db", try TeamServer.newDatabase().url]] : []) + [[]]
  }

  /// ana's and luis's week on the log `db` names, and acme's recipient.
  func fillWeek(_ db: [String]) throws {
    for (day, person) in [
      ("2026-11-16", "ana"), ("2026-11-17", "ana"), ("2026-11-19", "ana"), ("2026-11-20", "ana"),
      ("2026-11-16", "luis"), ("2026-11-19", "luis"), ("2026-11-20", "luis"),
    ] {
      _ = try sandbox.succeed(["log", "ERP upgrade", "8h", "-c", "acme", "--date", day, "--as", person] + db)
    }
    _ = try sandbox.succeed(["clients", "set", "acme", "--to", "Marta Gil <marta@acme.com>"] + db)
  }

  @Test func aLeaveHidesOnlyItsPersonsGapsAndAHolidayEveryones() throws {
    for db in try logs() {
      try fillWeek(db)
      let team = ["gaps", "--team"] + db
      #expect(
        try sandbox.succeed(team) == """
          2026-11-17  Tue  luis  nothing logged
          2026-11-18  Wed  ana   nothing logged
          2026-11-18  Wed  luis  nothing logged

          """, "\(db)")
      #expect(
        try sandbox.succeed(["off", "2026-11-18", "--reason", "Médico"] + db) == "Marked 2026-11-18 off for ana.\n")
      #expect(try sandbox.succeed(["gaps"] + db) == "No gaps from 2026-11-16 to 2026-11-22.\n")
      #expect(
        try sandbox.succeed(team) == "2026-11-17  Tue  luis  nothing logged\n2026-11-18  Wed  luis  nothing logged\n",
        "ana's leave is not luis's")
      #expect(
        try sandbox.succeed(["off", "2026-11-18", "--everyone", "--reason", "Fiesta"] + db)
          == "Marked 2026-11-18 off for everyone.\n")
      #expect(try sandbox.succeed(team) == "2026-11-17  Tue  luis  nothing logged\n")
      #expect(try sandbox.succeed(["off", "2026-11-17", "--as", "luis"] + db) == "Marked 2026-11-17 off for luis.\n")
      #expect(try sandbox.succeed(team) == "No gaps from 2026-11-16 to 2026-11-22 for ana, luis.\n")
      #expect(
        try sandbox.succeed(["off"] + db) == """
          2026-11-17  Tue  luis
          2026-11-18  Wed  everyone  Fiesta
          2026-11-18  Wed  ana       Médico

          """)
      #expect(
        try sandbox.succeed(["off", "--as", "luis"] + db)
          == "2026-11-17  Tue  luis\n2026-11-18  Wed  everyone  Fiesta\n")
      #expect(try sandbox.succeed(["off", "--everyone"] + db) == "2026-11-18  Wed  everyone  Fiesta\n")
      // ana's leave and the holiday are apart: unmarking one leaves the other.
      #expect(try sandbox.succeed(["off", "2026-11-18", "--remove"] + db) == "Unmarked 2026-11-18 for ana.\n")
      #expect(
        try sandbox.succeed(["off", "2026-11-18", "--remove"] + db)
          == "ana has no day off to unmark in 2026-11-18; the holidays there are everyone's: add --everyone to unmark them.\n"
      )
      #expect(try sandbox.succeed(team) == "No gaps from 2026-11-16 to 2026-11-22 for ana, luis.\n")
      #expect(
        try sandbox.succeed(["off", "2026-11-18", "--everyone", "--remove"] + db)
          == "Unmarked 2026-11-18 for everyone.\n")
      #expect(
        try sandbox.succeed(["off", "2026-11-18", "--everyone", "--remove"] + db)
          == "No holiday to unmark in 2026-11-18.\n")
      #expect(
        try sandbox.succeed(team) == "2026-11-18  Wed  ana   nothing logged\n2026-11-18  Wed  luis  nothing logged\n")
    }
  }

  @Test func gapsTakeAPersonTheTeamAndTheRangeOptions() throws {
    for db in try logs() {
      try fillWeek(db)
      #expect(
        try sandbox.succeed(["gaps", "--person", "luis"] + db)
          == "2026-11-17  Tue  nothing logged\n2026-11-18  Wed  nothing logged\n")
      #expect(
        try sandbox.succeed(["gaps", "--as", "luis"] + db) == sandbox.succeed(["gaps", "--person", "luis"] + db))
      #expect(
        try sandbox.succeed(["gaps", "--week", "2026-W47", "--team"] + db) == sandbox.succeed(["gaps", "--team"] + db))
      #expect(
        try sandbox.succeed(["gaps", "--from", "2026-11-16", "--to", "2026-11-17", "--person", "luis"] + db)
          == "2026-11-17  Tue  nothing logged\n")
      #expect(
        try sandbox.succeed(["gaps", "--from", "2026-11-18", "--team"] + db)
          == "2026-11-18  Wed  ana   nothing logged\n2026-11-18  Wed  luis  nothing logged\n",
        "an open end is today, which is not over")
      #expect(
        try sandbox.succeed(["gaps", "--week", "last", "--from", "2026-11-19", "--team"] + db)
          == "No gaps from 2026-11-19 to 2026-11-22 for ana, luis.\n")
      #expect(
        try sandbox.succeed(["gaps", "--month", "2026-12", "--team"] + db)
          == "Nobody logged work from 2026-12-01 to 2026-12-31.\n")
      #expect(
        try sandbox.succeed(["gaps", "--person", "nobody", "this"] + db) == "No gaps from 2026-11-23 to 2026-11-29.\n")
      try sandbox.refuse(
        ["gaps", "--to", "2026-11-20"] + db, status: 64,
        error: "--to needs a first day: add --from, or give --week, --month or --year.")
      try sandbox.refuse(
        ["gaps", "last", "--week", "this"] + db, status: 64,
        error:
          "give the range as a word or with --week, --month, --year, --from, --to; not both. (see 'tsheet gaps --help')"
      )
      try sandbox.refuse(
        ["gaps", "--team", "--person", "luis"] + db, status: 64,
        error: "--team looks at everyone; drop --person and --as. (see 'tsheet gaps --help')")
      try sandbox.refuse(
        ["gaps", "--week", "this", "--month", "last"] + db, status: 64,
        error: "give one of --week, --month and --year (add --from/--to to narrow it).")
      try sandbox.refuse(
        ["gaps", "--person", "lu\u{1B}is"] + db, status: 65,
        error: "the person's name holds a line break or a control character; name them on one line.")
      try sandbox.refuse(
        ["off", "0001-01-01..9999-12-31", "--everyone"] + db, status: 64,
        error: "that is 3652059 days; mark or unmark at most 366 at once.")
      try sandbox.refuse(
        ["off", "2026-11-18", "--everyone", "--as", "luis"] + db, status: 64,
        error: "give --as NAME or --everyone, not both. (see 'tsheet off --help')")
    }
  }

  @Test func theTeamsEmailWarnsOfEveryGapOfThoseWhoseWorkIsInIt() throws {
    for db in try logs() {
      try fillWeek(db)
      // marta's work is for globex, which has no recipients: no email of the batch holds it.
      _ = try sandbox.succeed(["log", "Audit", "8h", "-c", "globex", "--date", "2026-11-16", "--as", "marta"] + db)
      let batch = try sandbox.run(["send", "--all", "--dry-run"] + db)
      #expect(batch.status == 0)
      #expect(batch.stderr == luisTuesday + anasWednesday + luisWednesday, "\(db)")
      let week = try sandbox.run(["week", "-c", "acme", "--send", "--dry-run"] + db)
      #expect(week.status == 0)
      #expect(week.stderr == luisTuesday + anasWednesday + luisWednesday)
      let globex = try sandbox.run(["week", "-c", "globex"] + db)
      #expect(globex.stderr.contains("Warning: marta: nothing is logged on Tue 2026-11-17"))
      #expect(!globex.stderr.contains("luis"), "luis has no work in globex's email")
      _ = try sandbox.succeed(["off", "2026-11-18", "--everyone"] + db)
      let strict = try sandbox.run(["send", "--all", "--strict", "--dry-run"] + db)
      #expect(strict.status == 65)
      #expect(strict.stderr == luisTuesday)
      #expect(
        strict.stdout.hasPrefix(
          "acme: not sent to acme: nothing or too little is logged on Tue 2026-11-17 (luis); log it or mark the days off with 'tsheet off', or send without --strict.\n"
        ))
      _ = try sandbox.succeed(["off", "2026-11-17", "--as", "luis", "--reason", "Vacaciones"] + db)
      let complete = try sandbox.run(["send", "--all", "--strict", "--dry-run"] + db)
      #expect(complete.status == 0 && complete.stderr == "")
    }
  }

  /// A name another program wrote on the team's server, holding an escape sequence, is shown escaped
  /// wherever a person is named: the days off, the team's gaps, the warning before the email.
  @Test(.enabled(if: TeamServer.isAvailable)) func aHostileNameOnTheServerIsShownEscaped() throws {
    let (name, team) = try TeamServer.newDatabase()
    try fillWeek(["--db", team])
    try TeamServer.psql(
      """
      INSERT INTO entry (client_id, person, title, day, minutes) SELECT id, E'mal\\033[2Jory', 'W', '2026-11-16', 60
      FROM client; INSERT INTO day_off (day, person, reason) VALUES ('2026-11-19', E'mal\\033[2Jory', E'r\\007')
      """, database: name)
    let escaped = "mal\\x1b[2Jory"
    #expect(try sandbox.succeed(["off", "--db", team]) == "2026-11-19  Thu  \(escaped)  r\\x07\n")
    let gaps = try sandbox.succeed(["gaps", "--team", "--db", team])
    #expect(gaps.contains("2026-11-17  Tue  \(escaped)  nothing logged\n"))
    #expect(!gaps.contains("2026-11-19  Thu  \(escaped)"), "the day is off for that name")
    let week = try sandbox.run(["week", "-c", "acme", "--db", team])
    #expect(week.stderr.contains("Warning: \(escaped): nothing is logged on Tue 2026-11-17"))
    #expect(!(gaps + week.stderr).contains("\u{1B}"))
    #expect(!week.stdout.contains("\u{1B}") && week.stdout.contains("mal\u{FFFD}[2Jory"), "nor in the email's text")
  }
}
