import Foundation
import Testing

/// A real SMTP server on 127.0.0.1 (aiosmtpd, `Tests/Support/smtp_server.py`) with STARTTLS or implicit TLS,
/// AUTH, and a throwaway CA; it lives until this object goes away.
package final class SMTPTestServer: @unchecked Sendable {  // immutable once started
  /// Whether the tests may run: aiosmtpd and msmtp are installed, or `CI` is set (where a missing tool must
  /// fail the tests, since CI installs it).
  package static let canRun: Bool = {
    if ProcessInfo.processInfo.environment["CI"] != nil { return true }
    let check = Process()
    check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    check.arguments = ["python3", "-c", "import aiosmtpd, cryptography"]
    check.standardError = FileHandle.nullDevice
    guard (try? check.run()) != nil else { return false }
    check.waitUntilExit()
    return check.terminationStatus == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp")
  }()

  package let folder: String
  private let server: SupportServer
  package var port: Int { server.port }

  package var caFile: String { folder + "/certs/ca.pem" }

  /// Starts the server with `options` (`--tls implicit`, `--refuse ADDRESS`, `--drop-in-data`, `--untrusted`,
  /// `--name NAME`) and waits at most 20 seconds for its port.
  package init(in folder: String, _ options: [String] = []) throws {
    self.folder = folder
    server = try SupportServer(
      "smtp_server.py", ["--spool", folder + "/spool", "--certs", folder + "/certs"] + options)
  }

  /// The messages the server accepted: envelope and content.
  package func received() throws -> [[String: Any]] {
    let spool = folder + "/spool"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: spool)) ?? []
    return try names.sorted().map { name in
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(spool)/\(name)")))
        as? [String: Any] ?? [:]
    }
  }
}
