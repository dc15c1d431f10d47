import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TsheetServe
import TsheetTestSupport

/// The Monday emails: a card per client with hours, the HTML part as it is sent in a sandboxed frame, and Send
/// through `week --send`'s ledger and transport, to the SMTP server the CLI's tests use.
@Suite(.enabled(if: SMTPTestServer.canRun, "needs aiosmtpd; CI installs it"))
struct EmailsPageTests {
  static let hostile = "<img src=x onerror=alert(1)>"

  /// A log of week 47 for acme (two recipients), globex, and a client with a hostile name and title, sending
  /// through `smtp`.
  static func log(sendingThrough smtp: SMTPTestServer?) throws -> ServeLog {
    let log = try ServeLog().configured(mailConfig(sendingThrough: smtp))
    try log.log("Fixed SSO login", 90, client: "acme", on: "2026-11-17")
    try log.log("Backup test", 120, client: "globex", on: "2026-11-18")
    try log.log("<script>alert(2)</script>", 30, client: hostile, on: "2026-11-19")
    for arguments in [
      ["acme", "--to", "Marta Gil <marta@acme.com>", "--cc", "it@acme.com"], ["globex", "--to", "ops@globex.com"],
      [hostile, "--to", "\"Eve <script>\" <eve@example.com>"],
    ] {
      let run = try log.run(["clients", "set"] + arguments)
      #expect(run.status == 0, "\(run.stderr)")
    }
    return log
  }

  /// A config of ana's that sends through `smtp` (with STARTTLS, trusting its CA); port 9 when nil.
  static func mailConfig(sendingThrough smtp: SMTPTestServer?) -> String {
    """
    [mail]
    from = "Ana Ruiz <ana@consult.es>"
    [smtp]
    host = "127.0.0.1"
    port = \(smtp?.port ?? 9)
    security = "starttls"
    username = "ana@consult.es"
    \(smtp.map { "ca_file = \"\($0.caFile)\"" } ?? "")
    """
  }

  /// The form token and each card's client, by index, read from the page.
  static func form(of page: String) throws -> (csrf: String, clients: [String]) {
    let csrf = try #require(page.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/)?.1)
    let clients = page.matches(of: /name="client-\d+" value="([^"]*)"/).map { String($0.1).htmlUnescapedForTest }
    return (String(csrf), clients)
  }

  @Test func aCardPerClientWithItsPeopleSubjectGapsAndTheHTMLPartAsSent() async throws {
    let log = try Self.log(sendingThrough: nil)
    let html = try log.run(["week", "-c", "acme", "--format", "html"])
    #expect(html.status == 0)
    try await withServer(log) { server in
      let cookie = try await server.signIn()
      let page = text(of: try await server.send(.get, "/emails", cookie: cookie))
      #expect(page.contains("<h1>Emails · week 2026-W47</h1>"))
      #expect(try Self.form(of: page).clients == [Self.hostile, "acme", "globex"])
      #expect(page.contains("<dd>Marta Gil &lt;marta@acme.com&gt;, it@acme.com</dd>"))
      #expect(page.contains("<dd>Timesheet acme: week 47, 16–22 November 2026</dd>"))
      #expect(page.contains("Warning: nothing is logged on Mon 2026-11-16"))
      #expect(!page.contains("<img") && !page.contains("<script"))
      let frames = page.matches(of: /<iframe class="phone" sandbox="" [^>]*src="([^"]+)"/).map { String($0.1) }
      #expect(frames.first == "/emails/frame?week=2026-11-16&amp;client=%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E")
      let frame = try #require(frames.dropFirst().first)
      #expect(frame == "/emails/frame?week=2026-11-16&amp;client=acme")
      let response = try await server.send(.get, frame.replacing("&amp;", with: "&"), cookie: cookie)
      #expect(response.status == .ok)
      #expect(text(of: response).trimmingCharacters(in: .newlines) == html.stdout.trimmingCharacters(in: .newlines))
      let policy = try #require(response.headers[.contentSecurityPolicy])
      #expect(policy.contains("sandbox") && !policy.contains("allow-scripts") && !policy.contains("script-src"))
      #expect(policy.contains("frame-ancestors 'self'"))
      #expect(try await server.send(.get, frame.replacing("&amp;", with: "&")).status == .unauthorized)
    }
  }

  @Test func hostileNamesTitlesAndNotesAreEscapedOnThePageAndInTheFrame() async throws {
    try await withServer(try Self.log(sendingThrough: nil)) { server in
      let cookie = try await server.signIn()
      let (csrf, _) = try Self.form(of: text(of: try await server.send(.get, "/emails", cookie: cookie)))
      let note = "</textarea><script>alert(3)</script>"
      let form = "csrf=\(csrf)&week=2026-11-16&client-1=acme&note-1=\(note.percentEncodedForTest)&action=preview"
      let page = text(of: try await server.send(.post, "/emails", cookie: cookie, form: form))
      #expect(!page.contains("<script") && !page.contains("<img"))
      #expect(page.contains("&lt;/textarea&gt;&lt;script&gt;alert(3)&lt;/script&gt;</textarea>"))
      let frame = try #require(
        page.firstMatch(of: /<iframe class="phone" sandbox="" [^>]*src="([^"]+note=[^"]+)"/).map { String($0.1) })
      let html = text(of: try await server.send(.get, frame.replacing("&amp;", with: "&"), cookie: cookie))
      #expect(html.contains("&lt;/textarea&gt;&lt;script&gt;alert(3)&lt;/script&gt;"))
      #expect(!html.contains("<script"))
      let query = "/emails/frame?week=2026-11-16&client=\(Self.hostile.percentEncodedForTest)"
      let hostile = text(of: try await server.send(.get, query, cookie: cookie))
      #expect(hostile.contains("&lt;script&gt;alert(2)&lt;/script&gt;") && !hostile.contains("<script"))
    }
  }

  @Test func sendDeliversOneMessageASecondIsRefusedAndResendIsAnExplicitChoice() async throws {
    let smtp = try SMTPTestServer(in: FileManager.default.temporaryDirectory.path + "/tsheet-serve-smtp-\(UUID())")
    let log = try Self.log(sendingThrough: smtp)
    try await withServer(log) { server in
      let cookie = try await server.signIn()
      let (csrf, clients) = try Self.form(of: text(of: try await server.send(.get, "/emails", cookie: cookie)))
      #expect(clients == [Self.hostile, "acme", "globex"])
      let fields = clients.enumerated().map { "client-\($0)=\($1.percentEncodedForTest)" }.joined(separator: "&")
      func post(_ rest: String) async throws -> String {
        let response = try await server.send(
          .post, "/emails", cookie: cookie,
          form: "csrf=\(csrf)&week=2026-11-16&\(fields)&note-1=See+you+Thursday&\(rest)")
        #expect(response.status == .ok)
        return text(of: response)
      }
      let first = try await post("action=send-1")
      #expect(first.contains("<li class=\"sent\">acme: Sent &quot;Timesheet acme: week 47"))
      #expect(try smtp.received().count == 1)
      #expect(try smtp.received().first?["rcpt_tos"] as? [String] == ["marta@acme.com", "it@acme.com"])
      #expect((try smtp.received().first?["content"] as? String)?.contains("See you Thursday") == true)
      #expect(first.contains("This week's email went on"))
      let second = try await post("action=send-1")
      #expect(second.contains("<li class=\"refused\">acme: week 2026-11-16 to 2026-11-22 went to acme on"))
      #expect(second.contains("tick &quot;Send it again&quot;"))
      #expect(try smtp.received().count == 1)
      let cli = try log.run(["week", "-c", "acme", "--send"])
      #expect(cli.status == 65 && cli.stderr.contains("add --resend to send it again"))
      // "Send it again" names the send the card shows: once more, and a second press of it (a double click)
      // finds that send no longer the last and sends nothing.
      let shown = try #require(second.firstMatch(of: /name="resend-1" value="([^"]+)"/)?.1)
      let resend = "action=send-1&resend-1=\(String(shown).htmlUnescapedForTest.percentEncodedForTest)"
      _ = try await post(resend)
      #expect(try smtp.received().count == 2)
      let again = try await post(resend)
      #expect(again.contains("<li class=\"refused\">acme: its email went again on"), "\(again)")
      #expect(try smtp.received().count == 2)
      let batch = try await post("action=send-reviewed&reviewed=2")
      #expect(batch.contains("<li class=\"sent\">globex: Sent"))
      #expect(try smtp.received().count == 3)
      #expect(try smtp.received().filter { $0["rcpt_tos"] as? [String] == ["ops@globex.com"] }.count == 1)
      _ = try await post("action=send-reviewed")
      #expect(try smtp.received().count == 3)
      // A note past the page's limit (its textarea's maxlength) is refused whole: nothing is sent.
      let long = try await server.send(
        .post, "/emails", cookie: cookie,
        form:
          "csrf=\(csrf)&week=2026-11-16&\(fields)&note-2=\(String(repeating: "a", count: 4_001))&action=send-2&resend-2=1"
      )
      #expect(long.status == .badRequest && text(of: long).contains("longer than 4000 characters"))
      let longFrame = try await server.send(
        .get, "/emails/frame?week=2026-11-16&client=acme&note=\(String(repeating: "a", count: 4_001))", cookie: cookie)
      #expect(longFrame.status == .badRequest)
      #expect(text(of: try await server.send(.get, "/emails", cookie: cookie)).contains("maxlength=\"4000\""))
      #expect(try smtp.received().count == 3)
      let withoutToken = try await server.send(
        .post, "/emails", cookie: cookie, form: "week=2026-11-16&\(fields)&action=send-2")
      #expect(withoutToken.status == .forbidden)
      #expect(try smtp.received().count == 3)
    }
    #expect(try log.run(["sent", "-c", "acme"]).stdout.contains("acme  week 2026-11-16"))
  }

  /// Send pressed five times at once (a double click, two tabs): one message goes, and every other press is
  /// refused as sent, none told that the email may have gone.
  @Test func sendPressedFiveTimesAtOnceSendsOneAndRefusesTheRestPlainly() async throws {
    let smtp = try SMTPTestServer(in: FileManager.default.temporaryDirectory.path + "/tsheet-serve-smtp-\(UUID())")
    let log = try Self.log(sendingThrough: smtp)
    let server = try RunningServe(log, ["serve", "--port", "0"])
    defer { server.kill() }
    let session = try await ServeSession(server)
    let (csrf, clients) = try Self.form(of: try await session.get("/emails").text)
    let fields = clients.enumerated().map { "client-\($0)=\($1.percentEncodedForTest)" }.joined(separator: "&")
    let pages = try await withThrowingTaskGroup(of: String.self) { group in
      for _ in 1...5 {
        group.addTask {
          try await session.post("/emails", form: "csrf=\(csrf)&week=2026-11-16&\(fields)&action=send-1").text
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(try smtp.received().count == 1)
    #expect(pages.filter { $0.contains("<li class=\"sent\">acme: Sent") }.count == 1)
    #expect(
      pages.filter { $0.contains("<li class=\"refused\">acme: week 2026-11-16 to 2026-11-22 went to acme on") }.count
        == 4)
    #expect(!pages.contains { $0.contains("may have") }, "\(pages)")
  }
}

extension String {
  /// The text as a form or query value: everything but letters and digits percent-encoded.
  var percentEncodedForTest: String { addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

  /// The text a browser reads from an element's text or attribute that the pages escaped.
  var htmlUnescapedForTest: String {
    replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
      .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
  }
}
