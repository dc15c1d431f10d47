import Foundation
import Testing
import TsheetTestSupport

/// TLS with a team's server that fails is one plain line and 69: what is wrong with the certificate and what to
/// set, never BoringSSL's own text (with the build machine's paths), never a password hint. The server is the TLS
/// front of one (`Tests/Support/pg_tls_server.py`), with a certificate of its own.
@Suite(.enabled(if: SMTPTestServer.canRun, "needs cryptography (PyPI); CI installs it"))
struct TeamTLSTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  /// A server whose certificate holds `options`' name, signed by the CA it writes beside it (or by none).
  func server(_ options: [String]) throws -> (server: SupportServer, ca: String) {
    let certs = sandbox.folder + "/certs"
    return (try SupportServer("pg_tls_server.py", ["--certs", certs] + options), certs + "/ca.pem")
  }

  @Test func aCertificateForAnotherNameIsRefused() throws {
    let (server, ca) = try server(["--name", "db.elsewhere.example"])
    try sandbox.refuse(
      ["list", "--db", "postgres://ana@127.0.0.1:\(server.port)/team?sslmode=verify-full&sslrootcert=\(ca)"],
      status: 69,
      error: "TLS with the PostgreSQL server postgres://ana@127.0.0.1:\(server.port)/team "
        + "failed: the server's certificate does not name 127.0.0.1; put a name it holds in the URL.")
  }

  @Test func aCertificateNoTrustedCASignedIsRefused() throws {
    let (server, ca) = try server(["--name", "127.0.0.1", "--untrusted"])
    let url = "postgres://ana@127.0.0.1:\(server.port)/team"
    try sandbox.refuse(
      ["list", "--db", url + "?sslmode=verify-full&sslrootcert=\(ca)"], status: 69,
      error: "TLS with the PostgreSQL server \(url) failed: the server's certificate is not trusted: "
        + "no CA in '\(ca)' signed it, or it is out of date; set sslrootcert to the team's CA file.")
    try sandbox.refuse(
      ["list", "--db", url + "?sslmode=verify-full"], status: 69,
      error: "TLS with the PostgreSQL server \(url) failed: the server's certificate is not trusted: "
        + "no CA this machine trusts signed it, or it is out of date; set sslrootcert to the team's CA file.")
  }

  @Test func aServerWithoutTLSIsRefusedWhenTLSIsRequired() throws {
    let (server, _) = try server(["--name", "127.0.0.1", "--no-tls"])
    let url = "postgres://ana@127.0.0.1:\(server.port)/team"
    try sandbox.refuse(
      ["list", "--db", url + "?sslmode=require"], status: 69,
      error: "TLS with the PostgreSQL server "
        + "\(url) failed: the server does not offer it; check sslmode and the server's TLS settings.")
  }
}
