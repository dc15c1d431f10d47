import Foundation
import Testing
import TsheetTestSupport

/// A team's log on a real PostgreSQL server, through the built binary.
@Suite(.enabled(if: TeamServer.isAvailable)) struct TeamTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try sandbox.configure("")
  }

  /// A personal log with two people's work, and text that CSV must quote.
  func fillPersonalLog() throws {
    _ = try sandbox.succeed([
      "log", "Fixed SSO login", "1h30m", "-c", "acme", "--date", "2026-11-16",
      "-d", "Renewed the \"IdP\" certificate, at last\nSecond line",
    ])
    _ = try sandbox.succeed(["log", "Daily standup", "15m", "-c", "acme", "--date", "2026-11-17"])
    _ = try sandbox.succeed(["log", "Daily standup", "15m", "-c", "acme", "--date", "2026-11-17", "--as", "luis"])
    _ = try sandbox.succeed([
      "log", "Backup, restore; test", "45m", "-c", "Cafés Núñez", "--date", "2026-11-18",
      "--as", "luis",
    ])
    _ = try sandbox.succeed(["rm", "2"])  // ids with a gap must come through as they are
  }

  @Test func aPersonalLogMovesToTheServerAndBackExactly() throws {
    try fillPersonalLog()
    let personal = try sandbox.succeed(["export"])
    let team = try TeamServer.newDatabase().url
    let moved = try sandbox.shell(#""$0" export | "$0" import - --db "$1" --quiet"#, [team])
    #expect(moved.status == 0)
    #expect(try sandbox.succeed(["export", "--db", team]) == personal)
    #expect(
      try sandbox.succeed(["export", "--db", team, "--format", "json"])
        == sandbox.succeed(["export", "--format", "json"]))
    let again = try sandbox.shell(#""$0" export | "$0" import - --db "$1""#, [team])
    #expect(again.output.contains("nothing new") || again.output.contains("0 entries") || again.status == 0)
    #expect(try sandbox.succeed(["export", "--db", team]) == personal, "never twice")
    let back = sandbox.folder + "/back.sqlite"
    let returned = try sandbox.shell(#""$0" export --db "$1" | "$0" import - --db "$2" --quiet"#, [team, back])
    #expect(returned.status == 0)
    #expect(try sandbox.succeed(["export", "--db", back]) == personal)
  }

  @Test func reportsPivotByPersonAndClientAsOnSQLite() throws {
    try fillPersonalLog()
    let team = try TeamServer.newDatabase().url
    _ = try sandbox.shell(#""$0" export | "$0" import - --db "$1" --quiet"#, [team])
    for rows in ["person", "client,person", "person,title", "client,person,title"] {
      for by in ["day", "week", "month", "none"] {
        let arguments = ["report", "--rows", rows, "--by", by, "--format", "json", "--from", "2026-11-01"]
        #expect(try sandbox.succeed(arguments + ["--db", team]) == sandbox.succeed(arguments), "\(rows) by \(by)")
      }
    }
    #expect(
      try sandbox.succeed(["list", "--person", "luis", "--db", team, "--format", "csv", "--limit", "0"])
        .split(separator: "\r\n").count == 3)
    let report = try sandbox.succeed([
      "report", "--rows", "client,person", "--by", "none", "--db", team,
      "--format", "csv", "--from", "2026-11-01",
    ])
    #expect(report.contains("acme,ana,1.50"))
    #expect(report.contains("acme,luis,0.25"))
  }

  @Test func tenProcessesLoggingFiftyEachLoseNothing() throws {
    let (name, team) = try TeamServer.newDatabase()
    let processes = try (1...10).map { worker in
      try sandbox.start(
        """
        i=0; while [ $i -lt 50 ]; do i=$((i+1))
          "$0" log "Task $i" 15m -c acme --as "worker\(worker)" --db "$1" >/dev/null || exit 1
        done
        """, [team])
    }
    for process in processes {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    #expect(try sandbox.succeed(["clients", "--db", team]).contains("acme        500  125:00"))
    let ids = try sandbox.succeed(["list", "--limit", "0", "--format", "csv", "--db", team])
      .split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[0] }
    #expect(Set(ids).count == 500)
    #expect(
      try TeamServer.psql("SELECT count(*) FROM tsheet_schema", database: name) == "3\n",
      "set up once though ten started at once")
  }

  @Test func aServerThatIsDownIsOneLineAndTryLater() throws {
    let started = Date()
    let run = try sandbox.run(["list", "--db", "postgres://tsheet@127.0.0.1:1/team?sslmode=disable"])
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(run.status == 75)
    #expect(run.stderr.hasPrefix("Error: the PostgreSQL server postgres://tsheet@127.0.0.1:1/team cannot be reached"))
    #expect(run.stderr.split(separator: "\n").count == 1)
  }

  @Test func thePasswordComesFromTheEnvironmentOrPgpassNeverTheConfig() throws {
    var sandbox = sandbox
    let team = try TeamServer.newDatabase(user: "tsheet_pw").url
    let refused = try sandbox.run(["list", "--db", team])
    #expect(refused.status == 69, "\(refused.stderr)")
    #expect(refused.stderr.contains("refused tsheet"))
    sandbox.environment["PGPASSWORD"] = "s3cret:pw"
    #expect(try sandbox.succeed(["log", "With a password", "5m", "-c", "acme", "--db", team]).hasPrefix("Logged #1"))
    sandbox.environment["PGPASSWORD"] = nil
    let pgpass = sandbox.environment["HOME"]! + "/.pgpass"
    try sandbox.write("*:*:*:tsheet_pw:s3cret\\:pw\n", to: pgpass)
    chmod(pgpass, 0o600)
    #expect(try sandbox.succeed(["list", "--db", team]).contains("With a password"))
    try sandbox.configure("database = \"\(team.replacingOccurrences(of: "tsheet_pw@", with: "tsheet_pw:s3cret@"))\"")
    #expect(try sandbox.run(["list"]).status == 78, "a password in the config is refused")
    try sandbox.configure("database = \"\(team)\"")
    sandbox.environment["TSHEET_DB"] = nil  // the config's database is used when neither --db nor TSHEET_DB is
    #expect(try sandbox.succeed(["list"]).contains("With a password"))
  }

  @Test func tlsIsVerifiedWhenAsked() throws {
    let ca = try #require(TeamServer.environment["TSHEET_TEST_POSTGRES_CA"])
    let plain = try TeamServer.newDatabase().url
    let verified = plain.replacingOccurrences(of: "127.0.0.1", with: "localhost")
      .replacingOccurrences(of: "sslmode=disable", with: "sslmode=verify-full&sslrootcert=\(ca)")
    #expect(try sandbox.succeed(["log", "Over TLS", "5m", "-c", "acme", "--db", verified]).hasPrefix("Logged #1"))
    let required = plain.replacingOccurrences(of: "sslmode=disable", with: "sslmode=require")
    #expect(try sandbox.succeed(["list", "--db", required]).contains("Over TLS"))
    let unknownCA = plain.replacingOccurrences(of: "127.0.0.1", with: "localhost")
      .replacingOccurrences(of: "sslmode=disable", with: "sslmode=verify-full")
    let refused = try sandbox.run(["list", "--db", unknownCA])
    #expect(refused.status == 69, "a certificate from an unknown CA is refused: \(refused.stderr)")
  }

  @Test func aNewerSchemaIsRefusedUntouched() throws {
    let (name, team) = try TeamServer.newDatabase()
    _ = try sandbox.succeed(["log", "Kept", "5m", "-c", "acme", "--db", team])
    try TeamServer.psql("INSERT INTO tsheet_schema (version, name) VALUES (99, 'v99: from the future')", database: name)
    let run = try sandbox.run(["log", "Refused", "5m", "-c", "acme", "--db", team])
    #expect(run.status == 65)
    #expect(run.stderr.contains("written by a newer tsheet"))
    #expect(try TeamServer.psql("SELECT string_agg(title, ',') FROM entry", database: name) == "Kept\n")
  }

  /// A database that holds another program's objects, in any schema, is refused untouched, as a foreign
  /// SQLite file is.
  @Test(arguments: [
    "CREATE SEQUENCE invoice_number; CREATE FUNCTION next_invoice() RETURNS bigint LANGUAGE sql AS 'SELECT 1'",
    "CREATE SCHEMA billing; CREATE TABLE billing.invoice (id integer PRIMARY KEY)",
  ])
  func anotherProgramsDatabaseIsRefusedUntouched(objects: String) throws {
    let (name, team) = try TeamServer.newDatabase()
    try TeamServer.psql(objects, database: name)
    let catalog = """
      SELECT string_agg(n.nspname || '.' || c.relname, ',' ORDER BY 1) FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
      """
    let before = try TeamServer.psql(catalog, database: name)
    try sandbox.refuse(
      ["log", "Refused", "5m", "-c", "acme", "--db", team], status: 65,
      error: "'\(team.prefix { $0 != "?" })' is another program's database, not a tsheet log; give "
        + "--db a new file or database, or your log (nothing was changed).")
    #expect(try TeamServer.psql(catalog, database: name) == before)
  }

  @Test func theTeamsEmailSaysWhoDidWhatInBothLanguages() throws {
    let team = try TeamServer.newDatabase().url
    try sandbox.configure("[mail]\nfrom = \"Ana Ruiz <ana@example.com>\"\n")
    for (title, person, date) in [("Fixed SSO login", "ana", "2026-11-16"), ("Warehouse Wi-Fi", "luis", "2026-11-17")] {
      _ = try sandbox.succeed(["log", title, "1h", "-c", "acme", "--date", date, "--as", person, "--db", team])
    }
    let english = try sandbox.succeed(["week", "-c", "acme", "--week", "last", "--db", team])
    #expect(english.contains("Here is the work we did for acme"))
    #expect(english.contains("  - Warehouse Wi-Fi (luis): 1.00 h"))
    #expect(english.contains("  ana: 1.00 h\n  luis: 1.00 h\n"))
    let spanish = try sandbox.succeed(["week", "-c", "acme", "--week", "last", "--lang", "es", "--db", team])
    #expect(spanish.contains("Este es el trabajo que hicimos para acme"))
    #expect(
      spanish.contains("  - Fixed SSO login (ana): 1,00 h") || spanish.contains("  - Fixed SSO login (ana): 1.00 h"))
    let html = try sandbox.succeed(["week", "-c", "acme", "--week", "last", "--format", "html", "--db", team])
    #expect(html.contains("Warehouse Wi-Fi <span style=\"color:#5f6b76;\">&middot; luis</span>"))
    #expect(html.contains(">luis</td>\n<td align=\"right\" style=\"padding:4px 8px;\">1.00</td>"))
    #expect(html.contains("the work we did for <strong>acme</strong>"))
    let one = try TeamServer.newDatabase().url
    _ = try sandbox.succeed(["log", "Fixed SSO login", "1h", "-c", "acme", "--date", "2026-11-16", "--db", one])
    let personal = try sandbox.succeed(["week", "-c", "acme", "--week", "last", "--db", one])
    #expect(personal.contains("Here is the work I did for acme"))
    #expect(!personal.contains("(ana)"))
  }

  @Test func gapsAreEachPersonsOwn() throws {
    try sandbox.write("workdays = [\"mon\", \"tue\"]\n", to: sandbox.configPath)
    let team = try TeamServer.newDatabase().url
    _ = try sandbox.succeed([
      "log", "Warehouse Wi-Fi", "8h", "-c", "acme", "--date", "2026-11-16", "--as", "luis",
      "--db", team,
    ])
    #expect(try sandbox.succeed(["gaps", "--db", team]).split(separator: "\n").count == 2, "ana logged nothing")
    #expect(
      try sandbox.succeed(["gaps", "--as", "luis", "--db", team])
        == "2026-11-17  Tue  nothing logged\n")
    #expect(
      try sandbox.succeed(["gaps", "--person", "luis", "--db", team])
        == "2026-11-17  Tue  nothing logged\n")
  }
}
