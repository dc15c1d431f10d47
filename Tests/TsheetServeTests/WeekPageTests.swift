import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TsheetServe

/// The week's page: the week `tsheet week` picks, its grid equal to `tsheet report`'s numbers, its gaps, and
/// every text from the log escaped.
@Suite struct WeekPageTests {
  /// Names and titles that are markup, attribute breakers and entities.
  static let hostile = [
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "Tom & Jerry's", "'quoted' \"twice\"",
    "&lt;already&gt;",
  ]

  /// A personal log shows clients, a log of several people shows people: each hostile name is a row, escaped.
  @Test(arguments: [false, true])
  func clientNamesTitlesAndPeopleFromTheLogAreEscaped(asPeople: Bool) async throws {
    let log = try ServeLog()
    for (index, name) in Self.hostile.enumerated() {
      try log.log(
        name, 30 + index, client: asPeople ? "acme" : name, on: "2026-11-\(16 + index)", as: asPeople ? name : nil)
    }
    try await withServer(log) { server in
      let cookie = try await server.signIn()
      let page = text(of: try await server.send(.get, "/", cookie: cookie))
      #expect(!page.contains("<script>") && !page.contains("<img") && !page.contains("\"><img"))
      #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
      #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
      #expect(page.contains("Tom &amp; Jerry&#39;s"))
      #expect(page.contains("&amp;lt;already&amp;gt;"))
      #expect(page.contains(asPeople ? "Hours by person and day" : "Hours by client and day"))
      let rows = WeekTable(page).rows
      for name in Self.hostile { #expect(rows[name] != nil, "\(name)") }
    }
  }

  @Test func aBadWeekInTheAddressIsEscapedInItsError() async throws {
    try await withServer(try ServeLog()) { server in
      let cookie = try await server.signIn()
      let response = try await server.send(.get, "/week/%3Cscript%3E", cookie: cookie)
      #expect(response.status == .badRequest)
      #expect(!text(of: response).contains("<script>"))
    }
  }

  @Test(arguments: [(nil, "2026-W47"), ("2026-11-04", "2026-W45"), ("2026-W01", "2026-W01")])
  func theGridsTotalsAreTsheetReportsForTheSameWeek(week: String?, isoWeek: String) async throws {
    let log = try ServeLog()
    let entries: [(String, Int, String, String, String?)] = [
      ("SSO", 90, "acme", "2026-11-16", nil), ("Backup", 45, "globex", "2026-11-16", nil),
      ("ERP", 200, "acme", "2026-11-18", "bob"), ("Review", 61, "initech", "2026-11-22", "bob"),
      ("Old", 30, "acme", "2026-11-04", nil), ("New year", 75, "acme", "2025-12-30", "bob"),
      ("Next week", 60, "acme", "2026-11-23", nil),
    ]
    for (title, minutes, client, day, person) in entries {
      try log.log(title, minutes, client: client, on: day, as: person)
    }
    let report = try log.run(["report", "--by", "day", "--rows", "person", "--week", isoWeek, "--format", "json"])
    #expect(report.status == 0, "\(report.stderr)")
    let json = try JSONDecoder().decode(ReportJSON.self, from: Data(report.stdout.utf8))
    #expect(json.columns.count == 7)
    try await withServer(log) { server in
      let cookie = try await server.signIn()
      let page = text(of: try await server.send(.get, week.map { "/week/\($0)" } ?? "/", cookie: cookie))
      #expect(page.contains("Week \(isoWeek)"))
      let table = WeekTable(page)
      #expect(!json.rows.isEmpty)
      for row in json.rows {
        let person = try #require(row.person)
        // A day with nothing logged reads "gap" on the page, blank in the report.
        let cells = try #require(table.rows[person]).map { $0 == "gap" ? "" : $0 }
        #expect(cells == json.columns.map { WeekTable.hours(row.minutes[$0] ?? 0) } + [WeekTable.hours(row.total)])
      }
      let totals = json.columns.map { WeekTable.hours(json.totals[$0] ?? 0) } + [WeekTable.hours(json.total)]
      #expect(table.totals.map { $0 == "gap" ? "" : $0 } == totals)
    }
  }

  /// `tsheet report --format json`, as its help describes it.
  struct ReportJSON: Decodable {
    struct Row: Decodable {
      var person: String?
      var minutes: [String: Int]
      var total: Int
    }
    var columns: [String]
    var rows: [Row]
    var totals: [String: Int]
    var total: Int
  }

  @Test func aPersonalLogIsClientsByDayWithItsGapsMarked() async throws {
    let log = try ServeLog()
    try log.log("SSO", 90, client: "acme", on: "2026-11-16")
    try log.log("Backup", 30, client: "globex", on: "2026-11-16")
    try log.log("ERP", 60, client: "acme", on: "2026-11-17")
    try await withServer(log) { server in
      let cookie = try await server.signIn()
      let page = text(of: try await server.send(.get, "/", cookie: cookie))
      let table = WeekTable(page)
      #expect(table.rows["acme"] == ["1:30", "1:00", "", "", "", "", "", "2:30"])
      #expect(table.rows["globex"] == ["0:30", "", "", "", "", "", "", "0:30"])
      #expect(page.contains("Hours by client and day"))
      // Wednesday to Friday hold nothing: the day's total is marked, and listed under the grid.
      #expect(table.totals == ["2:00", "1:00", "gap", "gap", "gap", "", "", "3:00"])
      for day in ["Wed 2026-11-18", "Thu 2026-11-19", "Fri 2026-11-20"] {
        #expect(page.contains("<li>\(day): nothing logged</li>"))
      }
      #expect(page.contains("<a href=\"/week/2026-11-09\" rel=\"prev\">"))
      #expect(page.contains("<a href=\"/week/2026-11-23\" rel=\"next\">"))
      #expect(page.contains("<svg class=\"chart\""))
    }
  }

  @Test func aPersonWithNothingThisWeekIsARowOfGaps() async throws {
    let log = try ServeLog()
    try log.log("SSO", 90, client: "acme", on: "2026-11-16")
    try log.log("Long ago", 60, client: "acme", on: "2026-10-01", as: "bob")
    try await withServer(log) { server in
      let cookie = try await server.signIn()
      let table = WeekTable(text(of: try await server.send(.get, "/", cookie: cookie)))
      #expect(table.rows["bob"] == ["gap", "gap", "gap", "gap", "gap", "", "", ""])
      #expect(table.rows["ana"] == ["1:30", "gap", "gap", "gap", "gap", "", "", "1:30"])
    }
  }
}

/// The grid of a week's page, read back from its HTML: each row's cells by its (unescaped) name, and the totals.
struct WeekTable {
  var rows: [String: [String]] = [:]
  var totals: [String] = []

  init(_ page: String) {
    for match in page.matches(of: /<tr><th scope="row">(.*?)<\/th>(.*?)<\/tr>/) {
      let cells = match.2.matches(of: /<td[^>]*>(.*?)<\/td>/).map { String($0.1) }
      let name = Self.unescaped(String(match.1))
      if name == "Total" { totals = cells } else { rows[name] = cells }
    }
  }

  /// `1:30` for 90 minutes; empty for none.
  static func hours(_ minutes: Int) -> String {
    minutes == 0 ? "" : "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
  }

  private static func unescaped(_ html: String) -> String {
    html.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}
