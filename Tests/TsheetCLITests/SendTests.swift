import Foundation
import Testing
import TsheetTestSupport

@Suite(.enabled(if: SMTPTestServer.canRun, "needs aiosmtpd (PyPI) and msmtp (Debian); CI installs them"))
struct SendTests {
  let mail: MailSandbox
  var sandbox: Sandbox { mail.sandbox }

  init() throws { mail = try MailSandbox() }

  func configure(_ server: SMTPTestServer?, security: String = "starttls", extra: String = "") throws {
    try mail.configure(server, security: security, extra: extra)
  }

  func nothingWasSent() throws { try mail.nothingWasSent() }

  @Test func sendsOverSTARTTLSWithAuthOnceAPeriod() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp")
    try configure(server)
    #expect(
      try sandbox.succeed(["week", "-c", "acme", "--send"]) == "Sent \"Timesheet acme: week 47, 16–22 "
        + "November 2026\" to Marta Gil <marta@acme.com>, it@acme.com (250 2.0.0 Ok: queued as TEST).\n")
    let received = try server.received()
    try #require(received.count == 1)
    #expect(received[0]["mail_from"] as? String == "ana@consult.es")
    #expect(received[0]["rcpt_tos"] as? [String] == ["marta@acme.com", "it@acme.com"])
    #expect(received[0]["tls"] as? Bool == true)
    #expect(received[0]["authenticated"] as? Bool == true)
    let parsed = try parseWithPython(received[0]["content"] as? String ?? "")
    let headers = try #require(parsed["headers"] as? [String: String])
    #expect(headers["Subject"] == "Timesheet acme: week 47, 16–22 November 2026")
    #expect(headers["To"] == "Marta Gil <marta@acme.com>")
    #expect((parsed["parts"] as? [[String: Any]])?.count == 2)

    let ledger = try sandbox.succeed(["sent", "-c", "acme"])
    #expect(ledger.contains("acme  week 2026-11-16\n  To: Marta Gil <marta@acme.com>\n  Cc: it@acme.com\n"))
    #expect(ledger.contains("Message-ID: \(headers["Message-ID"] ?? "?")"))

    let again = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(again.status == 65)
    #expect(again.stderr.hasPrefix("Error: week 2026-11-16 to 2026-11-22 went to acme on 20"))
    #expect(again.stderr.hasSuffix("; add --resend to send it again.\n"))
    _ = try sandbox.succeed(["week", "-c", "acme", "--send", "--resend"])
    let resent = try server.received()
    #expect(resent.count == 2)
    let second = try parseWithPython(
      resent.compactMap { $0["content"] as? String }
        .first { !$0.contains(headers["Message-ID"] ?? "?") || $0.contains("In-Reply-To") } ?? "")
    #expect((second["headers"] as? [String: String])?["In-Reply-To"] == headers["Message-ID"])
  }

  @Test func sendsOverImplicitTLS() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp", ["--tls", "implicit"])
    try configure(server, security: "tls")
    _ = try sandbox.succeed(["week", "-c", "globex", "--send"])
    #expect(try server.received().first?["rcpt_tos"] as? [String] == ["ops@globex.com"])
  }

  @Test func sendsThroughMsmtpAsTheSendmailProgram() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp")
    try configure(nil, extra: "transport = \"sendmail\"\nsendmail_path = \"/usr/bin/msmtp\"")
    try mail.configureMsmtp(for: server)
    _ = try sandbox.succeed(["week", "-c", "acme", "--send"])
    let received = try server.received()
    #expect(received.first?["rcpt_tos"] as? [String] == ["marta@acme.com", "it@acme.com"])
    let parsed = try parseWithPython(received.first?["content"] as? String ?? "")
    #expect((parsed["headers"] as? [String: String])?["Subject"] == "Timesheet acme: week 47, 16–22 November 2026")
    #expect(try sandbox.succeed(["sent"]).contains("acme  week 2026-11-16"))
  }

  @Test func aFailingSendmailProgramIsAClearError() throws {
    try configure(nil, extra: "transport = \"sendmail\"\nsendmail_path = \"/bin/false\"")
    try sandbox.refuse(
      ["week", "-c", "acme", "--send"], status: 69,
      error: "not sent to acme: '/bin/false' failed with status 1.")
    try nothingWasSent()
  }

  @Test(arguments: [("exit 3", "failed with status 3"), ("true", "printed nothing")])
  func aFailingPasswordCommandSaysWhatItDid(command: String, problem: String) throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp")
    try configure(server)
    let config = try String(contentsOfFile: sandbox.configPath, encoding: .utf8)
    try sandbox.write(config + "\npassword_command = \"\(command)\"\n", to: sandbox.configPath)
    try sandbox.refuse(
      ["week", "-c", "acme", "--send"], status: 78,
      error: "the password command '\(command)' \(problem); check [smtp] password_command.")
    #expect(try server.received().isEmpty)
  }

  @Test func aWrongPasswordIsRefused() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp")
    try configure(server)
    var wrong = sandbox
    wrong.environment["TSHEET_SMTP_PASSWORD"] = "wrong"
    try wrong.refuse(
      ["week", "-c", "acme", "--send"], status: 69,
      error:
        "not sent to acme: the mail server refused the user name or password (535 5.7.8 Authentication credentials invalid); check [smtp] username and the password."
    )
    try nothingWasSent()
    #expect(try server.received().isEmpty)
  }

  @Test func nothingListeningMeansTryAgainLater() throws {
    try configure(nil)
    try sandbox.refuse(
      ["week", "-c", "acme", "--send"], status: 75,
      error:
        "not sent to acme: cannot connect to 127.0.0.1:9: connection refused; check [smtp] host and port, or try again later."
    )
    try nothingWasSent()
  }

  @Test func anUntrustedCertificateIsRefused() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp", ["--untrusted"])
    try configure(server)
    try sandbox.refuse(
      ["week", "-c", "acme", "--send"], status: 69,
      error: "not sent to acme: TLS failed: the "
        + "server's certificate is not trusted: no CA this machine trusts signed it, or it is out of date; set "
        + "[smtp] ca_file to the relay's CA.")
    try nothingWasSent()
    #expect(try server.received().isEmpty)
  }

  /// A certificate a trusted CA signed for another name is refused in plain words, no password hint.
  @Test(arguments: ["starttls", "tls"])
  func aCertificateForAnotherNameIsRefused(security: String) throws {
    let server = try SMTPTestServer(
      in: sandbox.folder + "/smtp",
      ["--name", "mail.elsewhere.example"] + (security == "tls" ? ["--tls", "implicit"] : []))
    try configure(server, security: security)
    try sandbox.refuse(
      ["week", "-c", "acme", "--send"], status: 69,
      error: "not sent to acme: TLS failed: the "
        + "server's certificate does not name 127.0.0.1; set [smtp] host to a name it holds.")
    try nothingWasSent()
    #expect(try server.received().isEmpty)
  }

  @Test func aRefusedRecipientIsNamedWithTheServersWords() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp", ["--refuse", "it@acme.com"])
    try configure(server)
    try sandbox.refuse(
      ["week", "-c", "acme", "--send"], status: 69,
      error:
        "not sent to acme: the mail server refused the recipient it@acme.com (550 5.1.1 <it@acme.com>: Recipient address rejected: User unknown); fix it with tsheet clients set."
    )
    try nothingWasSent()
    #expect(try server.received().isEmpty)
  }

  @Test func aConnectionDroppedDuringDataMeansTryAgainLater() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp", ["--drop-in-data"])
    try configure(server)
    try sandbox.refuse(
      ["week", "-c", "acme", "--send"], status: 75,
      error: "not sent to acme: the mail server closed the connection during the end of DATA; try again later.")
    try nothingWasSent()
  }

  @Test func aDryRunConnectsToNothing() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp")
    try configure(server)
    let output = try sandbox.succeed(["week", "-c", "acme", "--send", "--dry-run"])
    #expect(output.hasPrefix("MAIL FROM:<ana@consult.es>\nRCPT TO:<marta@acme.com>\nRCPT TO:<it@acme.com>\n\nFrom: "))
    #expect(try server.received().isEmpty)
    try nothingWasSent()
  }

  @Test func theMondayBatchGoesOnPastAFailure() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp", ["--refuse", "ops@globex.com"])
    try configure(server)
    let run = try sandbox.run(["send", "--all"])
    #expect(run.status == 69)
    #expect(run.stdout.contains("acme: Sent \"Timesheet acme: week 47"))
    #expect(run.stdout.contains("globex: not sent to globex: the mail server refused the recipient ops@globex.com"))
    #expect(run.stdout.hasSuffix("1 of 2 sent or already sent.\n"))
    #expect(try server.received().count == 1)
    let rerun = try sandbox.run(["send", "--all"])
    #expect(rerun.stdout.contains("acme: already sent; skipped (--resend sends it again).\n"))
    #expect(try server.received().count == 1)
  }

  @Test func thePasswordIsNeitherStoredNorPrinted() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp")
    try configure(server)
    let run = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(!run.stdout.contains("s3cret") && !run.stderr.contains("s3cret"))
    let database = try Data(contentsOf: URL(fileURLWithPath: sandbox.databasePath))
    #expect(database.range(of: Data("s3cret".utf8)) == nil)
    var unset = sandbox
    unset.environment["TSHEET_SMTP_PASSWORD"] = nil
    try unset.refuse(
      ["week", "-c", "globex", "--send"], status: 78,
      error: "the SMTP password is not set; export TSHEET_SMTP_PASSWORD=… (it is never stored).")
  }
}
