import Foundation
import Testing
import TsheetTestSupport

/// `tsheet mail login`, `status` and `logout` against a real authorization server (Authlib), the browser step
/// driven by headless Chromium. Tokens stay in a 0600 file and nowhere else.
@Suite(.enabled(if: OAuthTestServer.canRun), .timeLimit(.minutes(2)))
struct MailLoginTests {
  var sandbox: Sandbox
  let server: OAuthTestServer
  var tokenFile: String { sandbox.folder + "/home/.local/state/tsheet/oauth2.json" }
  var browserLog: String { sandbox.folder + "/browser.log" }

  init() throws {
    sandbox = try Sandbox()
    server = try OAuthTestServer(in: sandbox.folder + "/oauth")
    try sandbox.configure(
      """
      [smtp]
      host = "127.0.0.1"
      username = "ana@consult.es"
      auth = "oauth2"
      \(server.configTable)
      """)
  }

  /// The sandbox with `$BROWSER` set to the test browser with `options`.
  func browsing(_ options: [String]) throws -> Sandbox {
    var sandbox = sandbox
    sandbox.environment["BROWSER"] = try OAuthTestServer.browser(in: sandbox.folder, options, log: browserLog)
    return sandbox
  }

  /// Signs in without a browser (the consent page approved by a POST).
  func signIn() throws {
    _ = try browsing(["--direct"]).succeed(["mail", "login"])
    #expect(FileManager.default.fileExists(atPath: tokenFile))
  }

  /// No token the server issued is in `texts`, the config, the log or the browser's log.
  func expectNoTokenLeaked(in texts: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let issued = try server.stats()["issued"] as? [String] ?? []
    #expect(!issued.isEmpty, sourceLocation: sourceLocation)
    let files = try [sandbox.configPath, sandbox.databasePath, browserLog].filter(FileManager.default.fileExists)
      .map { String(decoding: try Data(contentsOf: URL(fileURLWithPath: $0)), as: UTF8.self) }
    for token in issued {
      #expect(!(texts + files).contains { $0.contains(token) }, "a token leaked", sourceLocation: sourceLocation)
    }
  }

  @Test(.enabled(if: OAuthTestServer.canDriveChromium))
  func signsInThroughHeadlessChromiumWithPKCE() throws {
    let login = try browsing([]).run(["mail", "login"])
    #expect(login.status == 0, "\(login.stderr)")
    #expect(
      login.stdout.hasPrefix(
        "Sign in on this page (tsheet waits 5 minutes):\n  \(server.base)/authorize?response_type=code"))
    #expect(login.stdout.contains("&code_challenge_method=S256"))
    #expect(login.stdout.contains("Signed in to test as ana@consult.es.\n"))
    #expect(
      eventually(within: 20) {
        (try? String(contentsOfFile: browserLog, encoding: .utf8))?.hasPrefix("approved http://127.0.0.1:") == true
      })
    #expect(try server.grants("authorization_code") == 1)
    let mode = try FileManager.default.attributesOfItem(atPath: tokenFile)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let status = try sandbox.succeed(["mail", "status"])
    #expect(status.hasPrefix("Signed in to test as ana@consult.es.\nThe access token holds until "))
    #expect(status.hasSuffix("; a refresh token is kept, so tsheet renews it itself.\n"))
    try expectNoTokenLeaked(in: [login.stdout, login.stderr, status])
    #expect(try sandbox.succeed(["mail", "logout"]) == "Signed out; the tokens are forgotten.\n")
    #expect(!FileManager.default.fileExists(atPath: tokenFile))
    #expect(try sandbox.succeed(["mail", "status"]) == "Not signed in; run tsheet mail login.\n")
    #expect(try sandbox.succeed(["mail", "logout"]) == "Nobody was signed in.\n")
  }

  @Test func signsInWithTheDeviceFlowHonouringSlowDown() throws {
    let started = Date()
    let login = try sandbox.run(["mail", "login", "--device"])
    #expect(login.status == 0, "\(login.stderr)")
    #expect(login.stdout.hasPrefix("To sign in, open \(server.base)/device/verify and enter the code "))
    #expect(login.stdout.contains(" (within 2 minutes).\nSigned in to test as ana@consult.es.\n"))
    let stats = try server.stats()
    let polls = stats["device_polls"] as? [[String: Any]] ?? []
    #expect(polls.count == 3, "the server approves at the third poll")
    #expect(stats["slow_downs"] as? Int == 1, "only the first poll is told to slow down")
    #expect(!polls.contains { $0["early"] as? Bool == true }, "a poll came sooner than the interval")
    #expect(Date().timeIntervalSince(started) >= 12)  // 1 s, then 6 s twice after slow_down
    #expect(try server.grants("urn:ietf:params:oauth:grant-type:device_code") == 1)
    try expectNoTokenLeaked(in: [login.stdout, login.stderr])
  }

  @Test func aRedirectWithAnotherStateIsIgnoredAndTheSignInGoesOn() throws {
    let run = try browsing(["--wrong-state"]).run(["mail", "login"])
    #expect(run.status == 0, "\(run.stderr)")
    let browsed = try String(contentsOfFile: browserLog, encoding: .utf8)
    #expect(browsed == "wrong-state 404\ndirect 200\n")
    #expect(try server.grants("authorization_code") == 1, "only the real code was exchanged")
    #expect(FileManager.default.fileExists(atPath: tokenFile))
  }

  @Test(arguments: [
    ("garbage", 69, "answered HTTP 200 with something that is not JSON; check its URL in [oauth2]."),
    ("html", 69, "answered HTTP 503 with an HTML page; check its URL in [oauth2]."),
    ("huge", 69, "answered more than 1 MB; check its URL in [oauth2]."),
    ("silent", 75, "did not answer in time"),
  ])
  func aBrokenTokenEndpointGivesOneLineAndKeepsTheLogin(mode: String, status: Int32, words: String) throws {
    try signIn()
    let before = try Data(contentsOf: URL(fileURLWithPath: tokenFile))
    try server.answer(mode)
    let started = Date()
    let run = try browsing(["--direct"]).run(["mail", "login"])
    #expect(run.status == status)
    #expect(run.stderr.hasPrefix("Error: the OAuth2 endpoint \(server.base)/token "))
    #expect(run.stderr.contains(words) && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    #expect(Date().timeIntervalSince(started) < 10, "the 3-second timeout holds")
    #expect(try Data(contentsOf: URL(fileURLWithPath: tokenFile)) == before)
  }

  @Test func aRefusalNamesTheProvidersErrorEscaped() throws {
    try signIn()
    try server.answer("refuse")
    let run = try browsing(["--direct"]).run(["mail", "login"])
    #expect(run.status == 69)
    #expect(
      run.stderr == "Error: the provider refused: invalid_grant (Token revoked\\x1b[2J by admin); "
        + "sign in again with tsheet mail login.\n")
  }

  @Test func withoutAnOAuthTableLoginSaysWhatToSet() throws {
    try sandbox.configure("")
    try sandbox.refuse(
      ["mail", "login"], status: 78,
      error: "no [oauth2] table in the config; add provider and client_id (the README says how to register an app).")
  }

  @Test func aTokenFileOthersCanReadIsRefused() throws {
    try signIn()
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: tokenFile)
    try sandbox.refuse(
      ["mail", "status"], status: 78,
      error: "the token file '\(tokenFile)' may be read by others (mode 644); run tsheet mail logout and sign in again."
    )
  }
}
