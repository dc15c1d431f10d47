import Foundation
import Testing
import TsheetTestSupport

/// A real OAuth2 authorization server on 127.0.0.1 (Authlib, `Tests/Support/oauth_server.py`): PKCE, `state`,
/// the device flow with `slow_down`, rotating refresh tokens, token introspection for the test SMTP server.
final class OAuthTestServer {
  /// Whether the tests may run: Authlib and Flask are installed, or `CI` is set (where they must be).
  static let canRun: Bool = ProcessInfo.processInfo.environment["CI"] != nil || python("import authlib, flask")
  /// Whether headless Chromium can be driven: selenium, chromedriver and chromium, or `CI` is set.
  static let canDriveChromium: Bool =
    ProcessInfo.processInfo.environment["CI"] != nil
    || (python("import selenium") && RealPrograms.canRun("/usr/bin/chromedriver")
      && RealPrograms.canRun(RealPrograms.chromium))

  let folder: String
  private let server: SupportServer
  var port: Int { server.port }
  var base: String { "http://127.0.0.1:\(port)" }
  var introspection: String { base + "/introspect" }

  /// Starts the server with `options` (`--expires-in N`, `--access-life N`) and waits at most 20 seconds.
  init(in folder: String, _ options: [String] = []) throws {
    self.folder = folder
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    server = try SupportServer("oauth_server.py", ["--stats", folder + "/stats.json"] + options)
  }

  /// How the token and device endpoints answer from now on: ok, garbage, html, huge, silent, refuse.
  func answer(_ mode: String) throws { try server.tell("mode \(mode)") }

  /// Every access token issued so far stops working.
  func revokeAccessTokens() throws { try server.tell("revoke-access") }

  /// What the server counted: grants by type, revoked refresh tokens, device polls, slow_downs.
  func stats() throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/stats.json")))
      as? [String: Any] ?? [:]
  }

  func grants(_ type: String) throws -> Int { (try stats()["grants"] as? [String: Int])?[type] ?? 0 }

  /// The `[oauth2]` table of a custom provider that is this server.
  var configTable: String {
    """
    [oauth2]
    provider = "test"
    client_id = "tsheet-test"
    authorize_url = "\(base)/authorize"
    token_url = "\(base)/token"
    device_url = "\(base)/device"
    scopes = ["mail", "offline_access"]
    timeout = 3
    """
  }

  /// A `$BROWSER` for `tsheet mail login`: `Tests/Support/browser.py` with `options`, logging to `log`.
  static func browser(in folder: String, _ options: [String] = [], log: String) throws -> String {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../Support/browser.py").standardized.path
    let path = folder + "/browser-\(UUID().uuidString).sh"
    let python = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    try """
    #!/bin/sh
    PATH='\(python)' exec python3 '\(script)' --log '\(log)' \(options.joined(separator: " ")) "$@"

    """.write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
    return path
  }

  private static func python(_ code: String) -> Bool {
    let check = Process()
    check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    check.arguments = ["python3", "-c", code]
    check.standardError = FileHandle.nullDevice
    guard (try? check.run()) != nil else { return false }
    check.waitUntilExit()
    return check.terminationStatus == 0
  }
}
