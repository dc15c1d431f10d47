import Foundation
import Testing

/// A team server that takes the connection and never answers (a hung host, a firewall that swallows packets):
/// tsheet gives up within its connect deadline (the URL's `connect_timeout`, ten seconds when it gives none), in
/// one line, and says to try later.
@Suite struct SilentServerTests {
  @Test func aServerThatNeverAnswersIsNoHang() throws {
    let server = try SilentServer()
    let sandbox = try Sandbox()
    let started = Date()
    let run = try sandbox.run(["list", "--db", "postgres://ana@127.0.0.1:\(server.port)/team?sslmode=disable"])
    let elapsed = Date().timeIntervalSince(started)
    #expect(elapsed >= 9 && elapsed < 13, "gave up after \(elapsed) s")
    #expect(run.status == 75)
    #expect(
      run.stderr == "Error: the PostgreSQL server postgres://ana@127.0.0.1:\(server.port)/team cannot be reached "
        + "(no answer within 10 seconds); nothing was changed: try again when it is up.\n")
  }

  @Test func theURLsConnectTimeoutIsTheDeadline() throws {
    let server = try SilentServer()
    let sandbox = try Sandbox()
    let started = Date()
    let run = try sandbox.run([
      "list", "--db",
      "postgres://ana@127.0.0.1:\(server.port)/team?connect_timeout=2&sslmode=disable",
    ])
    let elapsed = Date().timeIntervalSince(started)
    #expect(elapsed >= 2 && elapsed < 5, "gave up after \(elapsed) s")
    #expect(run.status == 75)
    #expect(
      run.stderr == "Error: the PostgreSQL server postgres://ana@127.0.0.1:\(server.port)/team cannot be reached "
        + "(no answer within 2 seconds); nothing was changed: try again when it is up.\n")
  }
}

/// A socket on 127.0.0.1 that listens and never accepts: the system completes each connection, and nothing is
/// ever said on it.
final class SilentServer {
  let port: Int
  private let listener: Int32

  init() throws {
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(listener >= 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
        bind(listener, address, length) == 0 && listen(listener, 8) == 0
          && getsockname(listener, address, &length) == 0
      }
    }
    if !bound { close(listener) }
    try #require(bound)
    self.listener = listener
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  deinit { close(listener) }
}
