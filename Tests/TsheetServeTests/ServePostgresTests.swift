import Foundation
import HTTPTypes
import Testing
import TsheetTestSupport

/// `tsheet serve` on a team's log on the CI PostgreSQL server (`TeamServer`, a new database per test): the built
/// binary serves it, and every page read over HTTP holds the numbers the command prints on the same database.
/// ana, luis and María José log to acme, globex and Cafés Núñez in week 2026-W47 (16 to 22 November), looked at
/// on Monday 23: Friday is everyone's holiday, Thursday luis's day off, and his Tuesday holds nothing.
@Suite(.enabled(if: TeamServer.isAvailable)) struct ServePostgresTests {
  static let maria = "María José"
  /// The week's clients, in the order the emails page shows their cards.
  static let clients = ["acme", "Cafés Núñez", "globex"]

  /// The team's log, with each client's recipients and ana's config, sending through `smtp`.
  static func team(sendingThrough smtp: SMTPTestServer?) throws -> ServeLog {
    let log = try ServeLog.team().configured(EmailsPageTests.mailConfig(sendingThrough: smtp))
    let entries: [(String, Int, String, String, String)] = [
      ("Fixed SSO login", 90, "acme", "2026-11-16", "ana"), ("Backup test", 45, "globex", "2026-11-16", "ana"),
      ("ERP upgrade", 480, "acme", "2026-11-17", "ana"),
      ("Reunión de seguimiento", 240, "Cafés Núñez", "2026-11-18", "ana"),
      ("Patch Tuesday", 300, "globex", "2026-11-19", "ana"),
      ("Mailbox migration", 120, "globex", "2026-11-16", "luis"), ("ERP upgrade", 200, "acme", "2026-11-18", "luis"),
      ("Restore on a Saturday", 60, "acme", "2026-11-21", "luis"), ("Old week", 30, "acme", "2026-11-09", "luis"),
      ("Instalación del TPV", 480, "Cafés Núñez", "2026-11-16", maria),
      ("Onboarding laptops", 61, "acme", "2026-11-17", maria), ("ERP upgrade", 300, "acme", "2026-11-18", maria),
      ("Instalación del TPV", 240, "Cafés Núñez", "2026-11-19", maria),
      ("This week", 15, "acme", "2026-11-23", maria),
    ]
    for (title, minutes, client, day, person) in entries {
      try log.log(title, minutes, client: client, on: day, as: person)
    }
    let database = try #require(log.environment["TSHEET_DB"]?.firstMatch(of: /\/(team_\w+)\?/)?.1)
    #expect(try TeamServer.psql("SELECT count(*) FROM entry", database: String(database)) == "\(entries.count)\n")
    for arguments in [
      ["off", "2026-11-20", "--everyone", "--reason", "Fiesta"], ["off", "2026-11-19", "--as", "luis"],
      ["clients", "set", "acme", "--to", "Marta Gil <marta@acme.com>", "--cc", "it@acme.com"],
      ["clients", "set", "globex", "--to", "ops@globex.com"],
      ["clients", "set", "Cafés Núñez", "--to", "pedro@cafes.es"],
    ] {
      let run = try log.run(arguments)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
    }
    return log
  }

  /// The week's grid as the page must show it, row by row: each day, then the week's total.
  static let grid = [
    "ana": ["2:15", "8:00", "4:00", "5:00", "", "", "", "19:15"],
    "luis": ["2:00", "gap", "3:20", "", "", "1:00", "", "6:20"],
    maria: ["8:00", "1:01", "5:00", "4:00", "", "", "", "18:01"],
  ]
  static let totals = ["12:15", "9:01", "12:20", "9:00", "", "1:00", "", "43:36"]

  /// The pages keep one connection to the team's server (opening one was 20 ms of every page), and a page after
  /// the server dropped it (a restart, an idle connection closed) connects again and is shown.
  @Test func thePagesKeepOneConnectionAndConnectAgainWhenItIsDropped() async throws {
    let log = try Self.team(sendingThrough: nil)
    let database = try #require(log.environment["TSHEET_DB"]?.firstMatch(of: /\/(team_\w+)\?/)?.1)
    let others = "FROM pg_stat_activity WHERE datname = '\(database)' AND pid <> pg_backend_pid()"
    let server = try RunningServe(log, ["serve", "--port", "0"])
    defer { server.kill() }
    let session = try await ServeSession(server)
    for path in ["/", "/report?by=week&rows=person", "/emails", "/"] {
      #expect(try await session.get(path).status == .ok, "\(path)")
    }
    #expect(try TeamServer.psql("SELECT count(*) \(others)", database: String(database)) == "1\n")
    _ = try TeamServer.psql("SELECT pg_terminate_backend(pid) \(others)", database: String(database))
    let week = try await session.get("/")
    #expect(week.status == .ok, "\(week.text)")
    #expect(week.text.contains("<h1>Week 2026-W47</h1>"))
    #expect(try TeamServer.psql("SELECT count(*) \(others)", database: String(database)) == "1\n")
  }

  @Test func theWeekGridHasEachPersonsRowWithTsheetReportsTotalsAndLuissHoleMarked() async throws {
    let log = try Self.team(sendingThrough: nil)
    let report = try log.run(["report", "--by", "day", "--rows", "person", "--week", "2026-W47", "--format", "json"])
    #expect(report.status == 0, "\(report.stderr)")
    let json = try JSONDecoder().decode(WeekPageTests.ReportJSON.self, from: Data(report.stdout.utf8))
    #expect(Set(json.rows.compactMap(\.person)) == ["ana", "luis", Self.maria])
    #expect(try log.run(["gaps", "--team", "--week", "2026-W47"]).stdout == "2026-11-17  Tue  luis  nothing logged\n")
    let server = try RunningServe(log, ["serve", "--port", "0"])
    defer { server.kill() }
    let week = try await ServeSession(server).get("/")
    #expect(week.status == .ok)
    #expect(week.text.contains("<h1>Week 2026-W47</h1>") && week.text.contains("Hours by person and day"))
    let table = WeekTable(week.text)
    for row in json.rows {
      let person = try #require(row.person)
      let cells = try #require(table.rows[person], "no row for \(person)").map { $0 == "gap" ? "" : $0 }
      #expect(cells == json.columns.map { WeekTable.hours(row.minutes[$0] ?? 0) } + [WeekTable.hours(row.total)])
    }
    #expect(table.totals == json.columns.map { WeekTable.hours(json.totals[$0] ?? 0) } + [WeekTable.hours(json.total)])
    #expect(table.rows == Self.grid)
    #expect(table.totals == Self.totals)
    let order = week.text.matches(of: /<tr><th scope="row">([^<]*)<\/th>/).map { String($0.1) }
    #expect(order == ["ana", "luis", Self.maria, "Total"])
    // Only luis's Tuesday is a gap: his day off, the holiday and the weekend are not.
    #expect(week.text.matches(of: /<td class="gap"/).count == 1)
    #expect(week.text.contains("<h2>Gaps</h2><ul class=\"gaps\"><li>luis: Tue 2026-11-17: nothing logged</li></ul>"))
    _ = try server.interrupt(within: .seconds(5))
  }

  /// The pivots the lead opens from the week, as the page's address and `tsheet report`'s options name them.
  static let pivots: [[String: String]] = [
    ["by": "day", "rows": "person,client", "week": "2026-W47"],
    ["by": "week", "rows": "client,person", "month": "2026-11"],
    ["by": "none", "rows": "person,title", "from": "2026-11-01"],
    ["by": "day", "rows": "client", "person": maria, "week": "2026-W47"],
  ]

  @Test func eachPivotPageHoldsTsheetReportsNumbers() async throws {
    let log = try Self.team(sendingThrough: nil)
    let server = try RunningServe(log, ["serve", "--port", "0"])
    defer { server.kill() }
    let session = try await ServeSession(server)
    for options in Self.pivots {
      let arguments = options.sorted { $0.key < $1.key }.flatMap { ["--\($0.key)", $0.value] }
      let report = try log.run(["report"] + arguments + ["--format", "json"])
      #expect(report.status == 0, "\(report.stderr)")
      let json = try JSONDecoder().decode(PivotJSON.self, from: Data(report.stdout.utf8))
      #expect(!json.rows.isEmpty, "\(arguments)")
      let query = options.map { "\($0.key)=\($0.value.percentEncodedForTest)" }.joined(separator: "&")
      let page = try await session.get("/report?" + query)
      #expect(page.status == .ok, "\(query)")
      let table = PivotTable(page.text)
      #expect(table.columns == json.columns, "\(query)")
      #expect(table.rows.map(\.labels) == json.labels((options["rows"] ?? "").split(separator: ",").map(String.init)))
      #expect(table.rows.map(\.minutes) == json.minuteRows, "\(query)")
      #expect(table.totals == json.totalRow, "\(query)")
    }
    let week = PivotTable(try await session.get("/report?by=none&rows=person&week=2026-W47").text)
    #expect(week.rows.map(\.labels) == [["ana"], ["luis"], [Self.maria]])
    #expect(week.totals == [2616])
    _ = try server.interrupt(within: .seconds(5))
  }

  @Test(.enabled(if: SMTPTestServer.canRun, "needs aiosmtpd; CI installs it"))
  func theEmailsAreACardPerClientAndSendDeliversOnceThenRefuses() async throws {
    let smtp = try SMTPTestServer(in: FileManager.default.temporaryDirectory.path + "/tsheet-serve-pg-smtp-\(UUID())")
    let log = try Self.team(sendingThrough: smtp)
    let html = try log.run(["week", "-c", "acme", "--format", "html"])
    #expect(html.status == 0, "\(html.stderr)")
    let server = try RunningServe(log, ["serve", "--port", "0"])
    defer { server.kill() }
    let session = try await ServeSession(server)
    let emails = try await session.get("/emails")
    #expect(emails.status == .ok)
    let (csrf, clients) = try EmailsPageTests.form(of: emails.text)
    #expect(clients == Self.clients)
    #expect(emails.text.contains("<dd>Marta Gil &lt;marta@acme.com&gt;, it@acme.com</dd>"))
    #expect(emails.text.contains("<dd>Timesheet Cafés Núñez: week 47, 16–22 November 2026</dd>"))
    #expect(emails.text.contains("Warning: luis: nothing is logged on Tue 2026-11-17"))
    let frame = try await session.get("/emails/frame?week=2026-11-16&client=acme")
    #expect(frame.status == .ok)
    #expect(frame.text.trimmingCharacters(in: .newlines) == html.stdout.trimmingCharacters(in: .newlines))
    let acme = try #require(clients.firstIndex(of: "acme"))
    let fields = clients.enumerated().map { "client-\($0)=\($1.percentEncodedForTest)" }.joined(separator: "&")
    let form = "csrf=\(csrf)&week=2026-11-16&\(fields)&action=send-\(acme)"
    let first = try await session.post("/emails", form: form)
    #expect(first.status == .ok)
    #expect(first.text.contains("<li class=\"sent\">acme: Sent &quot;Timesheet acme: week 47"), "\(first.text)")
    #expect(try smtp.received().count == 1)
    #expect(try smtp.received().first?["rcpt_tos"] as? [String] == ["marta@acme.com", "it@acme.com"])
    let second = try await session.post("/emails", form: form)
    #expect(second.text.contains("<li class=\"refused\">acme: week 2026-11-16 to 2026-11-22 went to acme on"))
    #expect(try smtp.received().count == 1)
    let cli = try log.run(["week", "-c", "acme", "--send"])
    #expect(cli.status == 65 && cli.stderr.contains("add --resend to send it again"), "\(cli.stderr)")
    #expect(try smtp.received().count == 1)
    _ = try server.interrupt(within: .seconds(5))
  }

  @Test(.enabled(if: HeadlessChromium.canRun, "needs chromium, chromium-driver and selenium; CI installs them"))
  func theWeekSignsInAndFitsAPhoneAndADeskInChromium() throws {
    let log = try Self.team(sendingThrough: nil)
    let server = try RunningServe(log, ["serve", "--port", "0"])
    defer { server.kill() }
    let url = try #require(server.firstLine.firstMatch(of: #/http://\S+/#)).output
    let output = try runPython(["Tests/Support/serve_browser.py", String(url)], timeout: .seconds(120))
    let measured = try JSONDecoder().decode(BrowserTests.Measured.self, from: Data(output.utf8))
    #expect(measured.landed.hasSuffix("/") && !measured.landed.contains("token"), "\(measured.landed)")
    BrowserTests.expectTheWeek(measured, rows: ["ana", "luis", Self.maria], totals: Self.totals)
    _ = try server.interrupt(within: .seconds(5))
  }
}
