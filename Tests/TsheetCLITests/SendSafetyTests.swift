import Foundation
import Testing
import TsheetTestSupport

/// A client is mailed once a period, and only the people the user gave: whatever a name, a saved message, the
/// log or the sendmail program does.
@Suite(.enabled(if: SMTPTestServer.canRun, "needs aiosmtpd (PyPI) and msmtp (Debian); CI installs them"))
struct SendSafetyTests {
  let mail: MailSandbox
  var sandbox: Sandbox { mail.sandbox }

  init() throws { mail = try MailSandbox() }

  @Test func aSendThatCannotBeRecordedIsNeverRepeatedByARetry() throws {
    let server = try SMTPTestServer(
      in: sandbox.folder + "/smtp",
      ["--lock-db", sandbox.databasePath, "--lock-seconds", "12"])
    try mail.configure(server)
    let run = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(run.status == 74)
    #expect(
      run.stderr == "Error: sent to acme, but not recorded (the log stayed locked by another program); do "
        + "not send it again: the next --send of this period asks for --resend.\n")
    #expect(try server.received().count == 1)
    Thread.sleep(forTimeInterval: 3)  // the other program lets the log go
    let retry = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(retry.status == 65)
    #expect(retry.stderr.hasPrefix("Error: week 2026-11-16 to 2026-11-22 may have gone to acme on 20"))
    #expect(retry.stderr.hasSuffix("check your sent mail, and add --resend to send it again.\n"))
    #expect(try server.received().count == 1, "the retry mailed nobody")
    #expect(try sandbox.succeed(["sent"]).contains("(may have gone: the send could not be recorded)"))
    _ = try sandbox.succeed(["week", "-c", "acme", "--send", "--resend"])
    #expect(try server.received().count == 2)
  }

  @Test func aSendmailProgramThatSaysTryLaterExits75() throws {
    try mail.configureMsmtp(for: nil)  // msmtp finds nothing listening and exits 75, EX_TEMPFAIL
    let run = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(run.status == 75, "\(run.stderr)")
    #expect(
      run.stderr.hasPrefix("Error: not sent to acme: '/usr/bin/msmtp' failed with status 75: msmtp: cannot connect"))
    try mail.nothingWasSent()
    let retry = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(retry.status == 75, "nothing was recorded: a retry tries again")
  }

  @Test func aServerThatSaysTryLaterExits75AndRecordsNothing() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp", ["--defer", "it@acme.com"])
    try mail.configure(server)
    try sandbox.refuse(
      ["week", "-c", "acme", "--send"], status: 75,
      error:
        "not sent to acme: the mail server put off the recipient it@acme.com (451 4.7.1 <it@acme.com>: Greylisted, try again later); try again later."
    )
    try mail.nothingWasSent()
    #expect(try server.received().isEmpty)
  }

  @Test func aSendmailDryRunShowsTheCommandLine() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp")
    try mail.configureMsmtp(for: server)
    let output = try sandbox.succeed(["week", "-c", "acme", "--send", "--dry-run"])
    #expect(output.hasPrefix("/usr/bin/msmtp -i -f ana@consult.es -- marta@acme.com it@acme.com\n\nFrom: "))
    #expect(!output.contains("RCPT TO"))
    try mail.nothingWasSent()
  }

  @Test func aNameHoldingAnAddressAddsNoRecipient() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp")
    try mail.configure(server)
    _ = try sandbox.succeed(["clients", "set", "acme", "--to", "\"spy@evil.example, Marta\" <marta@acme.com>"])
    let preview = try sandbox.succeed(["week", "-c", "acme", "--send", "--dry-run"])
    #expect(preview.hasPrefix("MAIL FROM:<ana@consult.es>\nRCPT TO:<marta@acme.com>\nRCPT TO:<it@acme.com>\n\n"))
    _ = try sandbox.succeed(["week", "-c", "acme", "--send"])
    #expect(try server.received().first?["rcpt_tos"] as? [String] == ["marta@acme.com", "it@acme.com"])
    _ = try sandbox.succeed(["week", "-c", "acme", "--send", "--resend"])
    #expect(
      try server.received().map { $0["rcpt_tos"] as? [String] ?? [] }.allSatisfy {
        $0 == ["marta@acme.com", "it@acme.com"]
      }, "the recorded recipients stayed two")
  }

  @Test func aSavedMessageWhoseNameHoldsAnAddressAddsNoRecipient() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp")
    try mail.configure(server)
    let saved = sandbox.folder + "/saved.eml"
    try sandbox.write(
      """
      From: "spy@evil.example, Marta" <marta@acme.com>\r
      To: Ana Ruiz <ana@consult.es>, "x@evil.example" <it@acme.com>\r
      Subject: Re: Timesheet\r
      Message-ID: <thread@acme.com>\r
      \r
      Thanks!\r

      """, to: saved)
    let written = sandbox.folder + "/reply.eml"
    _ = try sandbox.succeed(["week", "-c", "acme", "--format", "eml", "-o", written, "--reply-to", saved])
    let script = """
      import email, email.policy, json, sys
      message = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
      print(json.dumps([a.addr_spec for a in message["To"].addresses]))
      """
    #expect(try runPython(script, [written]) == "[\"marta@acme.com\", \"it@acme.com\"]\n")
    _ = try sandbox.succeed(["week", "-c", "acme", "--send"])
    #expect(try server.received().first?["rcpt_tos"] as? [String] == ["marta@acme.com", "it@acme.com"])
  }
}
