import Foundation
import Testing
import TsheetTestSupport

/// A mailbox that answers badly, or holds a message whose headers try to add a recipient: each costs one
/// warning line at most; the email goes once, to the people the user gave (or the client's thread named),
/// within the deadline.
@Suite(.enabled(if: DovecotServer.canRun, "needs dovecot-imapd (Debian) and aiosmtpd (PyPI); CI installs them"))
struct MailboxHostileTests {
  let mail: MailSandbox
  var sandbox: Sandbox { mail.sandbox }

  init() throws {
    mail = try MailSandbox()
    _ = try mail.sandbox.succeed(["log", "Audit", "1h", "-c", "acme", "--date", "2026-11-10"])
  }

  /// A config whose mailbox is the plain IMAP server on `port` (no TLS: loopback only).
  func configure(_ smtp: SMTPTestServer, imapPort: Int, caFile: String? = nil) throws {
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
      port = \(imapPort)
      username = "ana@consult.es"
      password_env = "IMAP_PASSWORD"
      \(caFile.map { "ca_file = \"\($0)\"" } ?? "security = \"none\"")
      """)
  }

  @Test(arguments: ["huge", "bigmessage", "garbage", "silent"])
  func aServerThatAnswersBadly(mode: String) throws {
    let smtp = try SMTPTestServer(in: sandbox.folder + "/smtp")
    let hostile = try SupportServer("imap_hostile.py", ["--mode", mode])
    try configure(smtp, imapPort: hostile.port)
    var sandbox = sandbox
    sandbox.environment["IMAP_PASSWORD"] = "x"
    // The first send has no thread to look for; filing its copy in Sent may fail, in one line.
    let first = try sandbox.run(["week", "-c", "acme", "--week", "2026-W46", "--send"])
    #expect(first.status == 0 && first.stderr.count { $0 == "\n" } <= 1, "\(first.stderr)")
    let started = Date()
    let run = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(Date().timeIntervalSince(started) < 25, "the deadline was not kept")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.count { $0 == "\n" } <= 1, "\(run.stderr)")
    #expect(!run.stderr.contains("\u{1B}"))
    let received = try smtp.received()
    #expect(received.count == 2)
    #expect(received.last?["rcpt_tos"] as? [String] == ["marta@acme.com", "it@acme.com"])
    let replies = try sandbox.run(["replies"])
    #expect(replies.status == 0 || replies.status == 69)
    #expect(replies.stderr.count { $0 == "\n" } <= 1 && !replies.stderr.contains("\u{1B}"), "\(replies.stderr)")
  }

  /// The Monday batch with the mailbox down (nothing listens): every email goes, and the run says so once.
  @Test func aBatchWithTheMailboxDownWarnsOnce() throws {
    let smtp = try SMTPTestServer(in: sandbox.folder + "/smtp")
    try configure(smtp, imapPort: 9)
    var sandbox = sandbox
    sandbox.environment["IMAP_PASSWORD"] = "x"
    _ = try sandbox.succeed(["log", "Backup", "1h", "-c", "globex", "--date", "2026-11-11"])
    for week in ["2026-W46", "2026-W47"] {
      let run = try sandbox.run(["send", "--all", "--week", week])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout.hasSuffix("2 of 2 sent or already sent.\n"))
      #expect(run.stderr.hasPrefix("Warning: the mailbox 127.0.0.1 could not be read ("), "\(run.stderr)")
      #expect(run.stderr.count { $0 == "\n" } == 1, "\(run.stderr)")
    }
    #expect(try smtp.received().count == 4)
  }

  /// Answers whose headers would add a recipient by injection: a folded header that reads as a Bcc, an
  /// encoded word that decodes to a line break and an address, a list too long to be people.
  @Test(arguments: [
    ("Cc: it@acme.com,\r\n Bcc: spy@evil.example", "cannot be replied to"),
    (
      "Cc: =?utf-8?b?\(Data("x\r\nBcc: spy@evil.example".utf8).base64EncodedString())?= <it@acme.com>",
      "Thread (acme): replying to Marta Gil <marta@acme.com>'s answer in INBOX."
    ),
    ("Cc: \"it@acme.com\r\nBcc: spy@evil.example\" <it@acme.com>", "cannot be replied to"),
    ("Cc: " + (1...300).map { "p\($0)@evil.example" }.joined(separator: ", "), "more than 50 people"),
    ("Cc: it@acme.com, Spy <spy@evil.example>", "not added, as not at the client's domains: spy@evil.example"),
  ])
  func anAnswerCannotInjectARecipient(cc: String, warning: String) throws {
    let smtp = try SMTPTestServer(in: sandbox.folder + "/smtp")
    let imap = try DovecotServer()
    try configure(smtp, imapPort: imap.port, caFile: imap.caFile)
    var sandbox = sandbox
    sandbox.environment["IMAP_PASSWORD"] = DovecotServer.password
    _ = try sandbox.succeed(["week", "-c", "acme", "--week", "2026-W46", "--send"])
    let first = try #require(try smtp.received().first?["content"] as? String)
    let parent = try MailboxTests.messageID(first)
    try imap.append(
      MailboxTests.answer(to: parent).replacing("Cc: it@acme.com,\r\n Jon Vidal <jon.vidal@acme.com>", with: cc))
    let run = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(run.status == 0)
    #expect(run.stderr.count { $0 == "\n" } == 1, "\(run.stderr)")
    #expect(run.stderr.contains(warning), "\(run.stderr)")
    let received = MailboxTests.inOrder(try smtp.received(), first: first)
    #expect(received.count == 2)
    let people = received.last?["rcpt_tos"] as? [String] ?? []
    #expect(!people.contains { $0.contains("evil") }, "\(people)")
    #expect(people.first == "marta@acme.com")
    let headers = try parseWithPython(received.last?["content"] as? String ?? "")["headers"] as? [String: String]
    #expect(headers?["Bcc"] == nil)
    #expect(try imap.messages(in: "Sent").count == 2)
  }

  /// A stranger who knows the thread is not replied to, and `replies` says so of their message.
  @Test func aStrangersAnswerIsNamedAndNotRepliedTo() throws {
    let smtp = try SMTPTestServer(in: sandbox.folder + "/smtp")
    let imap = try DovecotServer()
    try configure(smtp, imapPort: imap.port, caFile: imap.caFile)
    var sandbox = sandbox
    sandbox.environment["IMAP_PASSWORD"] = DovecotServer.password
    _ = try sandbox.succeed(["week", "-c", "acme", "--week", "2026-W46", "--send"])
    let first = try #require(try smtp.received().first?["content"] as? String)
    try imap.append(
      MailboxTests.answer(to: try MailboxTests.messageID(first))
        .replacing("From: Marta Gil <marta@acme.com>", with: "From: Marta Gil <marta@acme.example>"))
    let replies = try sandbox.succeed(["replies"])
    #expect(
      replies.contains("Marta Gil <marta@acme.example> [is not from the client's people]: Thanks Ana."), "\(replies)")
    let run = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(run.status == 0)
    #expect(run.stderr.contains("is not from the client's people"), "\(run.stderr)")
    let people = MailboxTests.inOrder(try smtp.received(), first: first).last?["rcpt_tos"] as? [String]
    #expect(people == ["marta@acme.com", "it@acme.com"])
  }
}
