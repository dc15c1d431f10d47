import Foundation
import Testing
import TsheetTestSupport

/// `[smtp] auth = "oauth2"`: the test SMTP server takes OAUTHBEARER and XOAUTH2 with tokens the test OAuth2
/// server issued (it asks that server's introspection endpoint) and refuses others with the JSON challenge.
@Suite(.enabled(if: OAuthTestServer.canRun && SMTPTestServer.canRun), .timeLimit(.minutes(2)))
struct OAuthSendTests {
  let mail: MailSandbox
  var sandbox: Sandbox { mail.sandbox }
  let oauth: OAuthTestServer

  init() throws {
    mail = try MailSandbox()
    oauth = try OAuthTestServer(in: mail.sandbox.folder + "/oauth")
  }

  /// Starts the SMTP server with `options`, writes the config (`smtp` lines added to `[smtp]`), signs in to
  /// `provider` (the suite's OAuth2 server when nil).
  func serve(
    _ options: [String] = [], smtp: String = "", signIn: Bool = true,
    provider: OAuthTestServer? = nil
  ) throws -> SMTPTestServer {
    let oauth = provider ?? oauth
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp", ["--introspect", oauth.introspection] + options)
    try sandbox.configure(
      """
      [mail]
      from = "Ana Ruiz <ana@consult.es>"
      [smtp]
      host = "127.0.0.1"
      port = \(server.port)
      username = "ana@consult.es"
      ca_file = "\(server.caFile)"
      auth = "oauth2"
      \(smtp)
      \(oauth.configTable)
      """)
    if signIn {
      var browsing = sandbox
      browsing.environment["BROWSER"] = try OAuthTestServer.browser(
        in: sandbox.folder, ["--direct"],
        log: sandbox.folder + "/browser.log")
      _ = try browsing.succeed(["mail", "login"])
    }
    return server
  }

  func expectNoTokenLeaked(in texts: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let issued = try oauth.stats()["issued"] as? [String] ?? []
    let files = try [sandbox.configPath, sandbox.databasePath]
      .map { String(decoding: try Data(contentsOf: URL(fileURLWithPath: $0)), as: UTF8.self) }
    #expect(
      !issued.isEmpty && issued.allSatisfy { token in !(texts + files).contains { $0.contains(token) } },
      sourceLocation: sourceLocation)
  }

  @Test(arguments: [("both", "OAUTHBEARER"), ("xoauth2", "XOAUTH2")])
  func sendsWithTheMechanismTheServerOffers(offered: String, used: String) throws {
    let server = try serve(["--bearer", offered])
    let run = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(run.status == 0, "\(run.stderr)")
    let received = try server.received()
    #expect(received.count == 1 && received.first?["mechanism"] as? String == used)
    try expectNoTokenLeaked(in: [run.stdout, run.stderr])
  }

  @Test func aRefusedTokenIsRefreshedOnceAndTheMessageGoesOnce() throws {
    let server = try serve()
    try oauth.revokeAccessTokens()
    let before = try String(contentsOfFile: sandbox.folder + "/home/.local/state/tsheet/oauth2.json", encoding: .utf8)
    let run = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try server.received().count == 1)
    #expect(try server.received().first?["token_refusals"] as? Int == 1)
    #expect(try oauth.grants("refresh_token") == 1)
    #expect(try oauth.stats()["revoked_refresh_tokens"] as? Int == 1, "the refresh token rotated")
    let after = try String(contentsOfFile: sandbox.folder + "/home/.local/state/tsheet/oauth2.json", encoding: .utf8)
    #expect(before != after, "the rotated refresh token was saved")
    try oauth.revokeAccessTokens()  // the saved (rotated) refresh token works in turn
    #expect(try sandbox.run(["week", "-c", "globex", "--send"]).status == 0)
    #expect(try server.received().count == 2 && oauth.grants("refresh_token") == 2)
    try expectNoTokenLeaked(in: [run.stdout, run.stderr])
  }

  @Test func aBatchThatOutlivesItsTokenRefreshesBetweenMessages() throws {
    // A token holds 6 seconds and is renewed when less than half of that is left; the server takes 4 seconds
    // over each message, so whichever token the first message went with, the second needs a new one.
    let oauth = try OAuthTestServer(in: sandbox.folder + "/short", ["--expires-in", "6", "--access-life", "6"])
    let server = try serve(["--delay-data", "4"], provider: oauth)
    let run = try sandbox.run(["send", "--all"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try server.received().count == 2)
    #expect(try oauth.grants("refresh_token") >= 1, "refreshed before the second message")
    #expect(try oauth.stats()["refused_tokens"] as? Int == 0, "no expired token was offered")
  }

  @Test(arguments: [
    (
      "refuse", 69,
      "the provider refused: invalid_grant (Token revoked\\x1b[2J by admin); sign in again with tsheet mail login."
    ),
    ("garbage", 69, "answered HTTP 200 with something that is not JSON; check its URL in [oauth2]."),
    ("html", 69, "answered HTTP 503 with an HTML page; check its URL in [oauth2]."),
    ("silent", 75, "did not answer in time"),
  ])
  func aRefreshThatFailsSendsNothingAndKeepsTheLogin(mode: String, status: Int32, words: String) throws {
    let server = try serve()
    try oauth.revokeAccessTokens()
    try oauth.answer(mode)
    let file = sandbox.folder + "/home/.local/state/tsheet/oauth2.json"
    let before = try Data(contentsOf: URL(fileURLWithPath: file))
    let run = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(run.status == status)
    #expect(run.stderr.hasPrefix("Error: ") && run.stderr.contains(words), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1 && run.stdout.isEmpty)
    #expect(try server.received().isEmpty)
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    try mail.nothingWasSent()
    try oauth.answer("ok")  // the same period goes once the provider is back: nothing was recorded as sent
    #expect(try sandbox.run(["week", "-c", "acme", "--send"]).status == 0)
    #expect(try server.received().count == 1)
  }

  @Test func aSignInForAnotherAppIsNotUsed() throws {
    let server = try serve()
    let config = try String(contentsOfFile: sandbox.configPath, encoding: .utf8)
    try sandbox.write(
      config.replacingOccurrences(of: "client_id = \"tsheet-test\"", with: "client_id = \"other-app\""),
      to: sandbox.configPath)
    try sandbox.refuse(
      ["week", "-c", "acme", "--send"], status: 78,
      error:
        "the sign-in kept is for test, but [oauth2] names test (or another app or token_url); run tsheet mail login.")
    #expect(try server.received().isEmpty && oauth.grants("refresh_token") == 0)
  }

  @Test func aServerWithoutBearerMechanismsIsNamed() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/plain")
    try mail.configure(server)
    try sandbox.write(
      String(contentsOfFile: sandbox.configPath, encoding: .utf8)
        + "\nauth = \"oauth2\"\ntoken_command = \"echo t0ken\"\n", to: sandbox.configPath)
    try sandbox.refuse(
      ["week", "-c", "acme", "--send"], status: 69,
      error: "not sent to acme: the mail server refused AUTH (it offers no OAUTHBEARER or XOAUTH2, only LOGIN PLAIN).")
  }

  @Test func aTokenRefusedAfterItsRefreshGivesTheProvidersError() throws {
    let server = try serve(smtp: "token_command = \"echo not-a-real-token\"", signIn: false)
    try sandbox.refuse(
      ["week", "-c", "acme", "--send"], status: 69,
      error: """
        not sent to acme: the mail server refused the OAuth2 token (OAUTHBEARER: invalid_token (scope \
        https://mail.test/); 535 5.7.8 Username and token not accepted) even after a refresh; check [smtp] \
        username, the app's permissions, or sign in again with tsheet mail login.
        """)
    #expect(try server.received().isEmpty)
    try mail.nothingWasSent()
  }

  @Test func aTokenCommandGivesTheToken() throws {
    let file = sandbox.folder + "/home/.local/state/tsheet/oauth2.json"
    let server = try serve(
      smtp: """
        token_command = '''python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['accessToken'])" '\(file)''''
        """)
    let run = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try server.received().count == 1)
    #expect(try oauth.grants("refresh_token") == 0, "the command's token, not the stored login's refresh")
  }

  @Test(arguments: [
    ("exit 3", 69, "failed with status 3"), ("true", 69, "printed nothing"),
    ("echo 'two words'", 78, "printed something that is not a token"),
  ])
  func aFailingTokenCommandSaysSoInOneLine(command: String, status: Int32, problem: String) throws {
    let server = try serve(smtp: "token_command = \"\(command)\"", signIn: false)
    try sandbox.refuse(
      ["week", "-c", "acme", "--send"], status: status,
      error: "the token command '\(command)' \(problem); check [smtp] token_command.")
    #expect(try server.received().isEmpty)
  }

  @Test func thePasswordIsFetchedOnlyAfterTheNeverTwiceCheck() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp")
    let marker = sandbox.folder + "/password-was-read"
    try mail.configure(server)
    try sandbox.write(
      String(contentsOfFile: sandbox.configPath, encoding: .utf8)
        + "\npassword_command = \"touch '\(marker)'; echo s3cret\"\n", to: sandbox.configPath)
    _ = try sandbox.succeed(["week", "-c", "acme", "--send"])
    #expect(FileManager.default.fileExists(atPath: marker))
    try FileManager.default.removeItem(atPath: marker)
    let again = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(again.status == 65)
    #expect(!FileManager.default.fileExists(atPath: marker), "the password command ran for a send that was refused")
    #expect(try server.received().count == 1)
  }
}
