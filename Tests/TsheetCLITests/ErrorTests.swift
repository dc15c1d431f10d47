import Foundation
import Testing

/// Bad input gets one line saying what was wrong and how to fix it, a sysexits status, and the log untouched.
@Suite struct ErrorTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    _ = try sandbox.succeed(["log", "Existing work", "1h", "-c", "acme", "--date", "2026-11-20"])
  }

  @Test func badDurations() throws {
    try sandbox.refuse(
      ["log", "x", "0m", "-c", "acme"], status: 65,
      error: "'0m' is no time at all; log at least one minute.")
    try sandbox.refuse(
      ["log", "x", "-c", "acme", "--", "-30m"], status: 65,
      error: "'-30m' is negative; log the time spent, like 45m, and fix mistakes with 'tsheet edit'.")
    try sandbox.refuse(
      ["log", "x", "25h", "-c", "acme"], status: 65,
      error: "'25h' is longer than a day; log at most 24h per entry.")
    try sandbox.refuse(
      ["log", "x", "1:7x", "-c", "acme"], status: 65,
      error: "'1:7x' is not a duration; write it like 45m, 1h30m, 1.5h, 1:30 or 90 (minutes).")
    try sandbox.refuse(
      ["edit", "1", "--minutes", "1500"], status: 65,
      error: "'1500' is longer than a day; log at most 24h per entry.")
  }

  @Test func badDates() throws {
    try sandbox.refuse(
      ["log", "x", "1h", "-c", "acme", "--date", "someday"], status: 64,
      error: "'someday' is not a date; use today, yesterday, a weekday (mon, lun…) or YYYY-MM-DD.")
    try sandbox.refuse(
      ["log", "x", "1h", "-c", "acme", "--date", "11/12"], status: 64,
      error: "'11/12' is ambiguous (day/month or month/day?); write the date as YYYY-MM-DD, e.g. 2026-11-20.")
    try sandbox.refuse(
      ["list", "--week", "2027-W53"], status: 64,
      error: "'2027-W53' is not a week; use last, this, a date, or an ISO week such as 2026-W47.")
  }

  @Test func incompleteLogs() throws {
    try sandbox.refuse(
      ["log", "", "1h", "-c", "acme"], status: 65,
      error: "the title is empty; say what you did, e.g. tsheet log \"Fixed SSO login\" 1h.")
    try sandbox.refuse(
      ["log", "Forgot the time", "-c", "acme"], status: 64,
      error: "no duration given; add one such as 45m, 1h30m or 1:30 after the title.")
    try sandbox.refuse(
      ["log", "No client", "1h"], status: 64,
      error: "no client given; add -c CLIENT, or set default_client in the config file.")
    try sandbox.refuse(
      ["log"], status: 64,
      error: "no duration given; add one such as 45m, 1h30m or 1:30 after the title.")
  }

  @Test func missingIds() throws {
    try sandbox.refuse(
      ["edit", "99", "2h"], status: 66, error: "there is no entry #99; see the ids with 'tsheet list'.")
    try sandbox.refuse(["rm", "1", "99"], status: 66, error: "there is no entry #99; see the ids with 'tsheet list'.")
    try sandbox.refuse(
      ["edit", "1"], status: 64,
      error: "nothing to change; give --title, --description, --date, -c or a duration.")
  }

  @Test func commandLineMistakesAreOneLine() throws {
    try sandbox.refuse(
      ["list", "--frmo", "mon"], status: 64,
      error: "Unknown option '--frmo'. Did you mean '--from'? (see 'tsheet list --help')")
    try sandbox.refuse(
      ["rm"], status: 64,
      error: "name the entries to remove by id, e.g. tsheet rm 42. (see 'tsheet rm --help')")
    try sandbox.refuse(
      ["list", "--format", "xml"], status: 64,
      error:
        "The value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'csv' or 'json'. (see 'tsheet list --help')"
    )
  }

  @Test func aFileThatIsNotSQLite() throws {
    var other = sandbox
    other.environment["TSHEET_DB"] = sandbox.folder + "/notes.txt"
    try sandbox.write("Monday: 3h for acme\n", to: other.databasePath)
    try other.refuse(
      ["log", "x", "1h", "-c", "acme"], status: 65,
      error: "'\(other.databasePath)' is not a tsheet database (not an SQLite file); check --db or TSHEET_DB.")
    #expect(try String(contentsOfFile: other.databasePath, encoding: .utf8) == "Monday: 3h for acme\n")
  }

  @Test func aDatabaseFromANewerTsheet() throws {
    let sqlite = Process()
    sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    sqlite.arguments = [sandbox.databasePath, "INSERT INTO grdb_migrations VALUES ('v99: from the future')"]
    try sqlite.run()
    sqlite.waitUntilExit()
    try #require(sqlite.terminationStatus == 0, "the sqlite3 shell is needed (Debian package sqlite3)")
    let run = try sandbox.run(["log", "x", "1h", "-c", "acme"])
    #expect(run.status == 65)
    #expect(
      run.stderr
        == "Error: '\(sandbox.databasePath)' was written by a newer tsheet; upgrade tsheet to use it (nothing was changed).\n"
    )
  }

  @Test func aReadOnlyFolder() throws {
    let folder = sandbox.folder + "/locked"
    try FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o555])
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.folder)
    try sandbox.refuse(
      ["log", "x", "1h", "-c", "acme", "--db", folder + "/tsheet.sqlite"], status: 74,
      error:
        "cannot create the database '\(folder)/tsheet.sqlite': Permission denied; choose another place with --db or TSHEET_DB.",
      asNobody: true)
    #expect(!FileManager.default.fileExists(atPath: folder + "/tsheet.sqlite"))
  }

  @Test func dbNamingAFolder() throws {
    try sandbox.refuse(
      ["list", "--db", sandbox.folder], status: 64,
      error:
        "'\(sandbox.folder)' is a folder; give --db the path of a database file, e.g. \(sandbox.folder)/tsheet.sqlite.")
  }

  @Test func aBadConfigNamesTheKey() throws {
    try sandbox.write("default_clinet = \"acme\"\n", to: sandbox.configPath)
    try sandbox.refuse(
      ["list"], status: 78,
      error:
        "\(sandbox.configPath): unknown key 'default_clinet'; the keys here are default_client, week_start, hours_format, lang, templates_dir, database, person, max_timer_hours, hours_per_day, workdays, [mail], [smtp], [imap], [oauth2] and [clients.NAME]."
    )
  }
}
