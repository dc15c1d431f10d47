import Foundation
import Testing
import TsheetTestSupport

/// Whether headless Chromium can be driven here: Debian's chromium and chromedriver and PyPI's selenium are there,
/// or `CI` is set.
enum HeadlessChromium {
  static let canRun =
    ProcessInfo.processInfo.environment["CI"] != nil
    || (FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
      && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") && hasSelenium())

  private static func hasSelenium() -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import selenium"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}

/// The week in a real browser: headless Chromium (Debian's chromium and chromium-driver, PyPI's selenium,
/// `Tests/Support/serve_browser.py`) signs in with the printed address and lays the page out at 375 and 1,280 px.
/// Skipped where they are missing, unless `CI` is set (CI installs them).
@Suite(.enabled(if: HeadlessChromium.canRun, "needs chromium, chromium-driver and selenium; CI installs them"))
struct BrowserTests {
  /// What the script measured at one width.
  struct Layout: Decodable {
    var viewport: Int
    var page: Int
    var widest: Int
    var gridRight: Int?
    var rows: [String]
    var totals: [String]
    var chart: Int
    var console: [String]
    var frame: String?
  }

  /// What the script printed.
  struct Measured: Decodable {
    struct Cookie: Decodable {
      var name: String
      var httpOnly: Bool
      var sameSite: String?
    }
    /// The page after a note was typed and "Show with the note" pressed (`--note`).
    struct Submitted: Decodable {
      var title: String
      var frame: String?
    }
    var landed: String
    var cookies: [Cookie]
    var widths: [String: Layout]
    var submitted: Submitted?
    /// The page after each button `--press` pressed: its title and the Send results, class and text.
    struct Pressed: Decodable {
      var title: String
      var results: [[String: String]]
    }
    var pressed: [Pressed]?
  }

  /// Expects the week laid out at each width to fit the window, its grid's box too, with a row and a bar for
  /// each of `rows`, the totals row `totals`, and nothing in the console.
  static func expectTheWeek(
    _ measured: Measured, rows: [String], totals: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(Set(measured.widths.keys) == ["375", "1280"], sourceLocation: sourceLocation)
    for (width, layout) in measured.widths {
      #expect(layout.viewport == Int(width), sourceLocation: sourceLocation)
      #expect(layout.page <= layout.viewport, "the page overflows at \(width) px", sourceLocation: sourceLocation)
      #expect(
        layout.widest <= layout.viewport, "an element passes the window's edge at \(width) px",
        sourceLocation: sourceLocation)
      #expect(
        (layout.gridRight ?? 0) <= layout.viewport, "the grid's box passes the edge at \(width) px",
        sourceLocation: sourceLocation)
      #expect(layout.rows == rows, sourceLocation: sourceLocation)
      #expect(layout.totals == totals, sourceLocation: sourceLocation)
      #expect(layout.chart == rows.count, sourceLocation: sourceLocation)
      #expect(layout.console.isEmpty, "\(layout.console)", sourceLocation: sourceLocation)
    }
  }

  @Test func signsInWithTheTokenAndNothingOverflowsAPhoneOrADesk() throws {
    let log = try ServeLog()
    try log.log("SSO", 90, client: "acme", on: "2026-11-16")
    try log.log("ERP", 200, client: "globex", on: "2026-11-18", as: "bob")
    try log.log("Review", 45, client: "acme", on: "2026-11-19", as: "María José de la Fuente-Ortega <script>")
    let server = try RunningServe(log, ["serve", "--port", "0"])
    defer { server.kill() }
    let url = try #require(server.firstLine.firstMatch(of: #/http://\S+/#)).output
    let output = try runPython(["Tests/Support/serve_browser.py", String(url)], timeout: .seconds(120))
    let measured = try JSONDecoder().decode(Measured.self, from: Data(output.utf8))
    #expect(measured.landed.hasSuffix("/"), "the sign-in did not move on to the week: \(measured.landed)")
    #expect(!measured.landed.contains("token"))
    let cookie = try #require(measured.cookies.first { $0.name == "tsheet_session" })
    #expect(cookie.httpOnly && cookie.sameSite == "Strict")
    Self.expectTheWeek(
      measured, rows: ["ana", "bob", "María José de la Fuente-Ortega <script>"],
      totals: ["1:30", "", "3:20", "0:45", "", "", "", "5:35"])
    _ = try server.interrupt(within: .seconds(5))
  }

  @Test func aPivotOfSeveralDimensionsFitsAPhoneAndADesk() throws {
    let log = try ReportPageTests.log()
    let server = try RunningServe(log, ["serve", "--port", "0"])
    defer { server.kill() }
    let url = try #require(server.firstLine.firstMatch(of: #/http://\S+/#)).output
    let output = try runPython(
      [
        "Tests/Support/serve_browser.py", String(url), "--path",
        "/report?by=day&rows=client,title,person&month=2026-11",
      ],
      timeout: .seconds(120))
    let measured = try JSONDecoder().decode(Measured.self, from: Data(output.utf8))
    for (width, layout) in measured.widths {
      #expect(layout.page <= layout.viewport, "the page overflows at \(width) px")
      #expect(layout.widest <= layout.viewport, "an element passes the window's edge at \(width) px")
      #expect((layout.gridRight ?? 0) <= layout.viewport, "the grid's box passes the edge at \(width) px")
      #expect(layout.rows == ["acme", "acme", "globex", "Tom & Jerry's"])
      #expect(layout.chart == 4)
      #expect(layout.console.isEmpty, "\(layout.console)")
    }
    _ = try server.interrupt(within: .seconds(5))
  }

  @Test func theEmailFrameShowsTheClientsHTMLAndNothingOverflows() throws {
    let log = try EmailsPageTests.log(sendingThrough: nil)
    let server = try RunningServe(log, ["serve", "--port", "0"])
    defer { server.kill() }
    let url = try #require(server.firstLine.firstMatch(of: #/http://\S+/#)).output
    let output = try runPython(
      ["Tests/Support/serve_browser.py", String(url), "--path", "/emails", "--note", "Line one\nLine two"],
      timeout: .seconds(120))
    let measured = try JSONDecoder().decode(Measured.self, from: Data(output.utf8))
    #expect(Set(measured.widths.keys) == ["375", "1280"])
    for (width, layout) in measured.widths {
      #expect(layout.page <= layout.viewport, "the page overflows at \(width) px")
      #expect(layout.widest <= layout.viewport, "an element passes the window's edge at \(width) px")
      let frame = try #require(layout.frame)
      // The first card is the hostile client's: its name is text in the frame, not an element.
      #expect(frame.contains("Here is the work I did for \(EmailsPageTests.hostile) in week 47"), "\(frame)")
      #expect(layout.console.isEmpty, "\(layout.console)")
    }
    // The browser's own form goes through (its Origin is the server's), and the note's line break, sent by
    // the browser as CRLF, is a line break in the email, not a stray character.
    let submitted = try #require(measured.submitted)
    #expect(submitted.title.hasPrefix("Emails"), "\(submitted.title)")
    let frame = try #require(submitted.frame)
    #expect(frame.contains("Line one") && frame.contains("Line two"), "\(frame)")
    #expect(!frame.contains("\u{FFFD}"), "\(frame)")
    _ = try server.interrupt(within: .seconds(5))
  }

  /// Send pressed in Chromium, as a lead presses it: one message reaches the SMTP server; pressed again on the
  /// page it left, it is refused as sent, and no second message goes.
  @Test func sendInChromiumDeliversOnceAndASecondSendIsRefused() throws {
    let smtp = try SMTPTestServer(in: FileManager.default.temporaryDirectory.path + "/tsheet-serve-smtp-\(UUID())")
    let log = try EmailsPageTests.log(sendingThrough: smtp)
    let server = try RunningServe(log, ["serve", "--port", "0"])
    defer { server.kill() }
    let url = try #require(server.firstLine.firstMatch(of: #/http://\S+/#)).output
    let output = try runPython(
      [
        "Tests/Support/serve_browser.py", String(url), "--path", "/emails", "--widths", "375", "--press", "send-1",
        "--press", "send-1",
      ], timeout: .seconds(120))
    let pressed = try #require(try JSONDecoder().decode(Measured.self, from: Data(output.utf8)).pressed)
    #expect(pressed.count == 2)
    #expect(pressed.first?.results.map { $0["class"] } == ["sent"], "\(pressed)")
    #expect(pressed.first?.results.first?["text"]?.hasPrefix("acme: Sent") == true, "\(pressed)")
    #expect(pressed.last?.results.map { $0["class"] } == ["refused"], "\(pressed)")
    #expect(pressed.last?.results.first?["text"]?.contains("went to acme on") == true, "\(pressed)")
    #expect(try smtp.received().count == 1)
    _ = try server.interrupt(within: .seconds(5))
  }
}
