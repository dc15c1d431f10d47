import Foundation
import Testing
import TsheetTestSupport

/// A real IMAP server on 127.0.0.1: Debian's Dovecot (`Tests/Support/dovecot_server.py`), unprivileged in a
/// folder of the test, with TLS from a throwaway CA, the user `ana@consult.es` (password `secret`) and OAuth2
/// tokens checked by a local introspection endpoint (`good-token-1234` is valid); it lives until this object goes.
final class DovecotServer {
  /// Whether the tests may run: Dovecot and Python's cryptography are installed, or `CI` is set (where a
  /// missing tool must fail the tests, since CI installs it).
  static let canRun: Bool = {
    if ProcessInfo.processInfo.environment["CI"] != nil { return true }
    guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/dovecot") else { return false }
    return SMTPTestServer.canRun
  }()

  static let user = "ana@consult.es", password = "secret", token = "good-token-1234"

  let folder: String
  private let server: SupportServer
  /// Plain IMAP with STARTTLS.
  var port: Int { server.port }
  /// IMAP over TLS from the first byte.
  let tlsPort: Int
  var caFile: String { folder + "/certs/ca.pem" }

  /// Starts Dovecot offering `mechanisms` (SASL names in lower case) in a temporary folder of its own (one
  /// that Dovecot's unprivileged user can reach), and waits at most 20 seconds.
  init(mechanisms: String = "plain login xoauth2 oauthbearer") throws {
    folder = NSTemporaryDirectory() + "tsheet-dovecot-" + UUID().uuidString
    server = try SupportServer("dovecot_server.py", ["--folder", folder, "--mechanisms", mechanisms])
    tlsPort = server.number(after: "TLSPORT") ?? 0
  }

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  /// Files `message` (CRLF line ends) in `mailbox` as a mail client would.
  func append(_ message: String, to mailbox: String = "INBOX") throws {
    let path = folder + "/append-\(UUID().uuidString).eml"
    try message.write(toFile: path, atomically: true, encoding: .utf8)
    try server.tell("APPEND \(mailbox) \(path)")
  }

  /// Stops Dovecot: the mailbox is down from now on.
  func stop() throws { try server.tell("STOP") }

  /// The messages of `mailbox` as Dovecot stored them (a maildir), in the order they came.
  func messages(in mailbox: String) throws -> [String] {
    let root = folder + "/mail/\(Self.user)" + (mailbox == "INBOX" ? "" : "/.\(mailbox)")
    let files = try ["new", "cur"].flatMap { sub in
      try FileManager.default.contentsOfDirectory(atPath: "\(root)/\(sub)").map { "\(root)/\(sub)/\($0)" }
    }
    return try files.sorted { URL(fileURLWithPath: $0).lastPathComponent < URL(fileURLWithPath: $1).lastPathComponent }
      .map { try String(contentsOfFile: $0, encoding: .utf8) }
  }

  /// The file names of `mailbox`'s messages: their maildir flags (`:2,S` is \Seen) end them.
  func fileNames(in mailbox: String) throws -> [String] {
    let root = folder + "/mail/\(Self.user)" + (mailbox == "INBOX" ? "" : "/.\(mailbox)")
    return try ["new", "cur"].flatMap { try FileManager.default.contentsOfDirectory(atPath: "\(root)/\($0)") }
  }

  /// Dovecot's log, where each login names its mechanism (`method=XOAUTH2`).
  var log: String { (try? String(contentsOfFile: folder + "/dovecot.log", encoding: .utf8)) ?? "" }
}
