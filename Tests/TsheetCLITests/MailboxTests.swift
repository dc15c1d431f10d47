import Foundation
import Testing
import TsheetTestSupport

/// The mailbox over IMAP, against Debian's Dovecot on 127.0.0.1: the client's answer changes who the next email
/// goes to and what it replies to, its copy lands in Sent once, `replies` lists the answer, and a mailbox that
/// is down changes nothing but one warning line.
@Suite(.enabled(if: DovecotServer.canRun, "needs dovecot-imapd (Debian) and aiosmtpd (PyPI); CI installs them"))
struct MailboxTests {
  let mail: MailSandbox
  var sandbox: Sandbox { mail.sandbox }

  init() throws { mail = try MailSandbox() }

  /// A config sending through `smtp` and reading the mailbox `imap` (starttls, or `security`), with `auth`.
  func configure(
    _ smtp: SMTPTestServer, _ imap: DovecotServer, security: String = "starttls",
    auth: String = "password_env = \"IMAP_PASSWORD\"", trusted: Bool = true
  ) throws {
    try sandbox.configure(
      """
      [mail]
      from = "Ana Ruiz <ana@consult.es>"
      [smtp]
      host = "127.0.0.1"
      port = \(smtp.port)
      username = "ana@consult.es"
      ca_file = "\(smtp.caFile)"
      [imap]
      host = "127.0.0.1"
      port = \(security == "tls" ? imap.tlsPort : imap.port)
      security = "\(security)"
      username = "\(DovecotServer.user)"
      \(trusted ? "ca_file = \"\(imap.caFile)\"" : "")
      \(auth)
      """)
  }

  /// Marta's answer to `parent`, dated a minute from now, with her new IT manager in Cc.
  static func answer(to parent: String, id: String = "<answer-1@acme.com>") -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    return """
      From: Marta Gil <marta@acme.com>\r
      To: Ana Ruiz <ana@consult.es>\r
      Cc: it@acme.com,\r
       Jon Vidal <jon.vidal@acme.com>\r
      Subject: Re: Timesheet acme: week 46\r
      Date: \(formatter.string(from: Date().addingTimeInterval(60)))\r
      Message-ID: \(id)\r
      In-Reply-To: \(parent)\r
      References: \(parent)\r
      Content-Type: text/plain; charset=utf-8\r
      \r
      Thanks Ana. Jon is our new IT manager, please copy him from now on.\r
      > earlier text\r

      """
  }

  /// The messages the SMTP server received (it names its files at random), the one whose content is `first`
  /// first.
  static func inOrder(_ received: [[String: Any]], first: String) -> [[String: Any]] {
    received.filter { $0["content"] as? String == first } + received.filter { $0["content"] as? String != first }
  }

  /// The Message-ID of the message `content` (as the SMTP server received it).
  static func messageID(_ content: String) throws -> String {
    try #require((try parseWithPython(content)["headers"] as? [String: String])?["Message-ID"])
  }

  @Test func theClientsAnswerAddsItsPeopleThreadsTheNextEmailAndEachSendIsFiledOnce() throws {
    let smtp = try SMTPTestServer(in: sandbox.folder + "/smtp")
    let imap = try DovecotServer()
    try configure(smtp, imap)
    var sandbox = sandbox
    sandbox.environment["IMAP_PASSWORD"] = DovecotServer.password
    _ = try sandbox.succeed(["log", "Audit", "1h", "-c", "acme", "--date", "2026-11-10"])

    // Week 46 goes to the stored people; its exact bytes land in Sent, read.
    let first = try sandbox.run(["week", "-c", "acme", "--week", "2026-W46", "--send"])
    #expect(first.status == 0 && first.stderr == "", "\(first.stderr)")
    let sentW46 = try #require(try smtp.received().first?["content"] as? String)
    #expect(try imap.messages(in: "Sent") == [sentW46.replacing("\r\n", with: "\n")])
    #expect(try imap.fileNames(in: "Sent").allSatisfy { $0.hasSuffix(":2,S") })

    // Marta answers with Jon in Cc; `replies` shows it.
    let w46 = try Self.messageID(sentW46)
    try imap.append(Self.answer(to: w46))
    let replies = try sandbox.succeed(["replies"])
    #expect(
      replies.hasSuffix(
        "  acme  Marta Gil <marta@acme.com>: Thanks Ana. Jon is our new IT manager, please copy him from …\n"),
      "\(replies)")
    #expect(try sandbox.succeed(["replies", "-c", "globex"]) == "No answers in the mailbox.\n")
    #expect(try sandbox.succeed(["replies", "--week", "2026-W47"]) == "No answers in the mailbox.\n")

    // Week 47 replies (all) to the answer: Jon joined.
    let second = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(second.status == 0)
    #expect(
      second.stderr == "Thread (acme): replying to Marta Gil <marta@acme.com>'s answer in INBOX; joined: "
        + "jon.vidal@acme.com.\n")
    let received = try Self.inOrder(smtp.received(), first: sentW46)
    try #require(received.count == 2)
    #expect(received[1]["rcpt_tos"] as? [String] == ["marta@acme.com", "it@acme.com", "jon.vidal@acme.com"])
    let headers = try #require(
      try parseWithPython(received[1]["content"] as? String ?? "")["headers"] as? [String: String])
    #expect(headers["In-Reply-To"] == "<answer-1@acme.com>")
    #expect(headers["References"] == "\(w46) <answer-1@acme.com>")
    #expect(headers["X-Unsent"] == nil)
    #expect(
      Set(try imap.messages(in: "Sent"))
        == Set(received.map { ($0["content"] as? String ?? "").replacing("\r\n", with: "\n") }))

    // The mailbox goes down: this week's email goes as without [imap], with one warning line.
    try imap.stop()
    _ = try sandbox.succeed(["log", "Patch", "1h", "-c", "acme", "--date", "2026-11-23"])
    let started = Date()
    let down = try sandbox.run(["week", "-c", "acme", "--week", "this", "--send"])
    #expect(Date().timeIntervalSince(started) < 15)
    #expect(down.status == 0)
    #expect(down.stderr.hasPrefix("Warning: the mailbox 127.0.0.1 could not be read ("), "\(down.stderr)")
    #expect(down.stderr.hasSuffix("); the email goes to the client's people as without [imap].\n"))
    #expect(down.stderr.count { $0 == "\n" } == 1)
    let earlier = received.compactMap { $0["content"] as? String }
    let third = try smtp.received().filter { !earlier.contains($0["content"] as? String ?? "") }
    #expect(try smtp.received().count == 3 && third.count == 1)
    #expect(third.last?["rcpt_tos"] as? [String] == ["marta@acme.com", "it@acme.com", "jon.vidal@acme.com"])
    let unread = try sandbox.run(["replies"])
    #expect(unread.status == 69)
    #expect(unread.stderr.hasPrefix("Error: the mailbox could not be read ("))
    #expect(unread.stderr.hasSuffix("); check [imap] and try again.\n"))
    #expect(unread.stderr.count { $0 == "\n" } == 1)
  }

  @Test func implicitTLSAndAnUntrustedCertificate() throws {
    let smtp = try SMTPTestServer(in: sandbox.folder + "/smtp")
    let imap = try DovecotServer()
    try configure(smtp, imap, security: "tls")
    var sandbox = sandbox
    sandbox.environment["IMAP_PASSWORD"] = DovecotServer.password
    #expect(try sandbox.succeed(["replies"]) == "No answers in the mailbox.\n")
    _ = try sandbox.succeed(["week", "-c", "acme", "--send"])
    #expect(try imap.messages(in: "Sent").count == 1)
    // Without the CA, the mailbox is not trusted: a warning, and the send is not the worse for it.
    try configure(smtp, imap, security: "tls", trusted: false)
    let untrusted = try sandbox.run(["week", "-c", "globex", "--send"])
    #expect(untrusted.status == 0)
    #expect(
      untrusted.stderr.hasPrefix("Warning: the mailbox 127.0.0.1 could not be read (SSL certificate problem"),
      "\(untrusted.stderr)")
    #expect(try imap.messages(in: "Sent").count == 1)
  }

  /// `auth = "oauth2"`: the token from token_command, with the mechanism Dovecot offers; a bad token is refused.
  @Test(arguments: ["xoauth2", "oauthbearer"])
  func oauth2Tokens(mechanism: String) throws {
    let smtp = try SMTPTestServer(in: sandbox.folder + "/smtp")
    let imap = try DovecotServer(mechanisms: "plain " + mechanism)
    try configure(smtp, imap, auth: "auth = \"oauth2\"\ntoken_command = \"echo \(DovecotServer.token)\"")
    _ = try sandbox.succeed(["week", "-c", "acme", "--send"])
    #expect(try imap.messages(in: "Sent").count == 1)
    #expect(try sandbox.succeed(["replies"]) == "No answers in the mailbox.\n")
    #expect(imap.log.contains("method=\(mechanism.uppercased())"))
    try configure(smtp, imap, auth: "auth = \"oauth2\"\ntoken_command = \"echo expired-token\"")
    let refused = try sandbox.run(["replies"])
    #expect(refused.status == 69)
    #expect(refused.stderr.hasPrefix("Error: the mailbox could not be read ("), "\(refused.stderr)")
    #expect(!refused.stderr.contains("expired-token"))
  }

  @Test func aDraftSaysUnsentAndAPreviewIsNoParentOfTheSend() throws {
    let smtp = try SMTPTestServer(in: sandbox.folder + "/smtp")
    try mail.configure(smtp)
    let path = sandbox.folder + "/preview.eml"
    _ = try sandbox.succeed(["week", "-c", "acme", "--format", "eml", "-o", path])
    let draft = try String(contentsOfFile: path, encoding: .utf8)
    #expect(draft.hasPrefix("X-Unsent: 1\r\nFrom: "))
    _ = try sandbox.succeed(["week", "-c", "acme", "--send"])
    let sent = try #require(try smtp.received().first?["content"] as? String)
    #expect(!sent.contains("X-Unsent"))
    #expect(!sent.contains("In-Reply-To"), "a preview that never went out became the parent")
    // The next period replies to what went out, not to the preview.
    _ = try sandbox.succeed(["log", "Patch", "1h", "-c", "acme", "--date", "2026-11-23"])
    _ = try sandbox.succeed(["week", "-c", "acme", "--week", "this", "--send"])
    let next = try parseWithPython(Self.inOrder(try smtp.received(), first: sent)[1]["content"] as? String ?? "")
    #expect((next["headers"] as? [String: String])?["In-Reply-To"] == (try Self.messageID(sent)))
  }
}
