import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TsheetServe

/// The pivot pages: any `--by` and `--rows` of `tsheet report`, with exactly its numbers, a chart, and the same
/// pivot as a workbook.
@Suite struct ReportPageTests {
  /// A log of two people, three clients and hostile names, over two months.
  static func log() throws -> ServeLog {
    let log = try ServeLog()
    let entries: [(String, Int, String, String, String?)] = [
      ("SSO", 90, "acme", "2026-11-16", nil), ("Backup", 45, "globex", "2026-11-16", nil),
      ("ERP", 200, "acme", "2026-11-18", "bob"), ("<b>Review</b>", 61, "Tom & Jerry's", "2026-11-22", "bob"),
      ("Old", 30, "acme", "2026-10-04", nil), ("SSO", 75, "acme", "2026-10-30", "bob"),
    ]
    for (title, minutes, client, day, person) in entries {
      try log.log(title, minutes, client: client, on: day, as: person)
    }
    return log
  }

  /// The report options of each case, as `tsheet report` takes them and as the page's address names them.
  static let cases: [[String: String]] = [
    [:], ["by": "day", "rows": "person", "week": "2026-W47"], ["by": "week", "rows": "client,title", "year": "2026"],
    ["by": "none", "rows": "title,person,client"], ["by": "year", "rows": "person,client", "client": "acme"],
    ["by": "month", "rows": "client", "from": "2026-10-15", "to": "2026-11-17", "search": "SSO"],
  ]

  @Test(arguments: cases)
  func thePagesNumbersAreTsheetReportsForTheSameOptions(options: [String: String]) async throws {
    let log = try Self.log()
    let arguments = options.sorted { $0.key < $1.key }.flatMap { ["--\($0.key)", $0.value] }
    let report = try log.run(["report"] + arguments + ["--format", "json"])
    #expect(report.status == 0, "\(report.stderr)")
    let json = try JSONDecoder().decode(PivotJSON.self, from: Data(report.stdout.utf8))
    let query = options.map {
      "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
    }
    try await withServer(log) { server in
      let cookie = try await server.signIn()
      let response = try await server.send(.get, "/report?" + query.joined(separator: "&"), cookie: cookie)
      #expect(response.status == .ok)
      let table = PivotTable(text(of: response))
      let dimensions = (options["rows"] ?? "client").split(separator: ",").map(String.init)
      #expect(table.columns == json.columns)
      #expect(table.rows.map(\.labels) == json.labels(dimensions))
      #expect(table.rows.map(\.minutes) == json.minuteRows)
      #expect(table.totals == json.totalRow)
      #expect(text(of: response).contains("<svg class=\"chart\"") == !json.rows.isEmpty)
    }
  }

  @Test func theCSVsHoursAreThePagesToo() async throws {
    let log = try Self.log()
    let csv = try log.run(["report", "--by", "month", "--rows", "client", "--format", "csv"])
    let lines = csv.stdout.split(separator: "\r\n").map { $0.split(separator: ",").map(String.init) }
    try await withServer(log) { server in
      let table = PivotTable(text(of: try await server.send(.get, "/report", cookie: try await server.signIn())))
      let hours = (table.rows.map(\.minutes) + [table.totals]).map { row in
        row.map { String(format: "%.2f", Double($0) / 60) }
      }
      #expect(lines.dropFirst().map { Array($0.dropFirst()) } == hours)
    }
  }

  @Test func theWorkbookLinkGivesWhatTsheetReportWrites() async throws {
    let log = try Self.log()
    let cli = log.folder + "/cli.xlsx"
    #expect(
      try log.run(["report", "--by", "week", "--rows", "client,person", "--format", "xlsx", "-o", cli]).status == 0)
    try await withServer(log) { server in
      let cookie = try await server.signIn()
      let page = text(of: try await server.send(.get, "/report?by=week&rows=client%2Cperson", cookie: cookie))
      let link = try #require(page.firstMatch(of: /href="(\/report\.xlsx[^"]*)" download/).map { String($0.1) })
      #expect(link == "/report.xlsx?by=week&amp;rows=client%2Cperson")
      let response = try await server.send(.get, link.replacing("&amp;", with: "&"), cookie: cookie)
      #expect(response.status == .ok)
      #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      let served = log.folder + "/served.xlsx"
      try Data((response.body ?? ByteBuffer()).readableBytesView).write(to: URL(fileURLWithPath: served))
      let (fromPage, fromCLI) = try await blocking {
        (
          try runPython(["Tests/Support/read_workbook.py", served], timeout: .seconds(60)),
          try runPython(["Tests/Support/read_workbook.py", cli], timeout: .seconds(60))
        )
      }
      #expect(fromPage.contains("acme") && fromPage == fromCLI)
      #expect(try await server.send(.get, "/report.xlsx").status == .unauthorized)
    }
  }

  @Test(arguments: ["by=fortnight", "rows=client,client", "rows=%3Cscript%3E", "month=13", "week=x&month=y"])
  func optionsTheCommandRefusesAre400AndEscaped(query: String) async throws {
    try await withServer(try ServeLog()) { server in
      let cookie = try await server.signIn()
      for path in ["/report?", "/report.xlsx?"] {
        let response = try await server.send(.get, path + query, cookie: cookie)
        #expect(response.status == .badRequest, "\(path)\(query)")
        #expect(!text(of: response).contains("<script>"))
      }
    }
  }

  /// A pivot over thousands of years is refused in a moment, before any of its columns is made; so is a page
  /// of more cells than a browser shows, and a client the log does not hold is 404, not "cannot be read".
  @Test func aReportTooLargeForAPageIsRefusedAtOnce() async throws {
    let log = try ServeLog()
    try log.log("SSO", 90, client: "acme", on: "2026-11-16")
    try await withServer(log) { server in
      let cookie = try await server.signIn()
      let clock = ContinuousClock()
      for query in ["by=day&from=0001-01-01&to=9999-12-31", "by=month&from=0001-01-01&to=9999-12-31"] {
        let started = clock.now
        let response = try await server.send(.get, "/report?" + query, cookie: cookie)
        // Refused before anything is read: made, these took minutes (a bound, not a speed measurement).
        #expect(clock.now - started < .seconds(20), "\(query)")
        #expect(response.status == .badRequest, "\(query)")
        #expect(text(of: response).contains("is the most; give a longer by= or a shorter range"), "\(query)")
      }
      let workbook = try await server.send(.get, "/report.xlsx?by=day&from=0001-01-01&to=9999-12-31", cookie: cookie)
      #expect(workbook.status == .badRequest)
      #expect(try await server.send(.get, "/report?by=week&year=2026", cookie: cookie).status == .ok)
      #expect(try await server.send(.get, "/report?client=nobody", cookie: cookie).status == .notFound)
    }
  }

  /// The command a report page shows is quoted for a shell, and a control character or a bidirectional
  /// override searched for is shown as U+FFFD: a lead may paste the one, and the page must not carry the others.
  @Test func theCommandShownIsSafeToPaste() async throws {
    try await withServer(try ServeLog()) { server in
      let cookie = try await server.signIn()
      let page = text(
        of: try await server.send(.get, "/report?search=%24(touch%20x)%00%E2%80%AE%E2%80%A8", cookie: cookie))
      #expect(page.contains("tsheet report --search &#39;$(touch x)\u{FFFD}\u{FFFD}\u{FFFD}&#39;"), "\(page)")
      #expect(!page.contains("\0") && !page.contains("\u{202E}"))
    }
  }

  @Test func namesAndTitlesFromTheLogAreEscapedInTheTableAndTheChart() async throws {
    try await withServer(try Self.log()) { server in
      let page = text(
        of: try await server.send(.get, "/report?rows=client,title&search=%3Cb%3E", cookie: try await server.signIn()))
      #expect(!page.contains("<b>"))
      #expect(page.contains("Tom &amp; Jerry&#39;s") && page.contains("&lt;b&gt;Review&lt;/b&gt;"))
      #expect(page.contains("value=\"&lt;b&gt;\""))
    }
  }
}

/// `tsheet report --format json`, as its help describes it.
struct PivotJSON: Decodable {
  struct Row: Decodable {
    var labels: [String: String]
    var minutes: [String: Int]
    var total: Int

    private struct Key: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: Key.self)
      minutes = try container.decode([String: Int].self, forKey: Key(stringValue: "minutes"))
      total = try container.decode(Int.self, forKey: Key(stringValue: "total"))
      labels = [:]
      for key in container.allKeys where !["minutes", "total"].contains(key.stringValue) {
        labels[key.stringValue] = try container.decode(String.self, forKey: key)
      }
    }
  }
  var columns: [String]
  var rows: [Row]
  var totals: [String: Int]
  var total: Int

  /// Each row's labels in the order of `dimensions` (`rows=person,client`), as a page's table shows them.
  func labels(_ dimensions: [String]) -> [[String]] { rows.map { row in dimensions.map { row.labels[$0] ?? "" } } }

  /// Each row's minutes, column by column, then its total, as a page's table shows them.
  var minuteRows: [[Int]] { rows.map { row in columns.map { row.minutes[$0] ?? 0 } + [row.total] } }

  /// The totals row: each column's minutes, then the whole.
  var totalRow: [Int] { columns.map { totals[$0] ?? 0 } + [total] }
}

/// A report page's table read back from its HTML: the columns, each row's labels and minutes, the totals.
struct PivotTable {
  var columns: [String] = []
  var rows: [(labels: [String], minutes: [Int])] = []
  var totals: [Int] = []

  init(_ page: String) {
    if let head = page.firstMatch(of: /<thead><tr>(.*?)<\/tr><\/thead>/) {
      columns = head.1.matches(of: /<th scope="col">(.*?)<\/th>/).map { String($0.1) }
        .filter { !["Client", "Person", "Title", "Total"].contains($0) }
    }
    for match in page.matches(of: /<tr><th scope="row">(.*?)<\/th>(.*?)<\/tr>/) {
      let labels = [String(match.1)] + match.2.matches(of: /<td class="label">(.*?)<\/td>/).map { String($0.1) }
      let minutes = match.2.matches(of: /data-minutes="(\d+)"/).compactMap { Int($0.1) }
      if match.1 == "Total" { totals = minutes } else { rows.append((labels.map(\.htmlUnescapedForTest), minutes)) }
    }
  }
}
