import Foundation
import Testing
import TsheetTestSupport

/// A sandbox with work logged for two clients with recipients, and a config that sends through a test server.
struct MailSandbox {
  let sandbox: Sandbox

  init() throws {
    var sandbox = try Sandbox(today: "2026-11-23")
    sandbox.environment["TSHEET_SMTP_PASSWORD"] = "s3cret"
    self.sandbox = sandbox
    _ = try sandbox.succeed(["log", "Fixed SSO login", "1h30m", "-c", "acme", "--date", "2026-11-17"])
    _ = try sandbox.succeed(["log", "Backup test", "2h", "-c", "globex", "--date", "2026-11-18"])
    _ = try sandbox.succeed(["clients", "set", "acme", "--to", "Marta Gil <marta@acme.com>", "--cc", "it@acme.com"])
    _ = try sandbox.succeed(["clients", "set", "globex", "--to", "ops@globex.com"])
  }

  /// Writes a config whose sender is Ana and whose SMTP server is `server` (port 9, where nothing listens,
  /// when nil); `extra` goes into `[mail]`.
  func configure(_ server: SMTPTestServer?, security: String = "starttls", extra: String = "") throws {
    try sandbox.configure(
      """
      [mail]
      from = "Ana Ruiz <ana@consult.es>"
      \(extra)
      [smtp]
      host = "127.0.0.1"
      port = \(server?.port ?? 9)
      security = "\(security)"
      username = "ana@consult.es"
      \(server.map { "ca_file = \"\($0.caFile)\"" } ?? "")
      """)
  }

  /// Sends through msmtp, the real sendmail program, which talks to `server` (to port 9, where nothing
  /// listens, when nil).
  func configureMsmtp(for server: SMTPTestServer?) throws {
    try configure(nil, extra: "transport = \"sendmail\"\nsendmail_path = \"/usr/bin/msmtp\"")
    let msmtprc = sandbox.environment["XDG_CONFIG_HOME"]! + "/msmtp/config"
    try FileManager.default.createDirectory(
      atPath: (msmtprc as NSString).deletingLastPathComponent,
      withIntermediateDirectories: true)
    try sandbox.write(
      """
      account default
      host 127.0.0.1
      port \(server?.port ?? 9)
      tls on
      tls_starttls on
      tls_trust_file \(server?.caFile ?? "/etc/ssl/certs/ca-certificates.crt")
      auth on
      user ana@consult.es
      password s3cret
      from ana@consult.es

      """, to: msmtprc)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: msmtprc)
  }

  func nothingWasSent(sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(try sandbox.succeed(["sent"]) == "Nothing sent yet.\n", sourceLocation: sourceLocation)
  }
}
