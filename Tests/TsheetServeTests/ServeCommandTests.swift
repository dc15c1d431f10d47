import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import TsheetServe
import TsheetTestSupport

/// `tsheet serve` as a user runs it: the built `tsheet`, which starts the built `tsheet-serve` in its place.
@Suite struct ServeCommandTests {
  @Test func servesTheWeekOverRealHTTPAndStopsOnSIGINTWithOneLine() async throws {
    let log = try ServeLog()
    try log.log("Fixed SSO login", 90, client: "acme", on: "2026-11-17")
    let server = try RunningServe(log, ["serve", "--port", "0"])
    defer { server.kill() }
    let page = try await ServeSession(server).get("/")
    #expect(page.status == .ok)
    #expect(WeekTable(page.text).rows["acme"]?.last == "1:30")
    let stopped = try server.interrupt(within: .seconds(5))
    #expect(stopped.status == 0)
    #expect(stopped.rest == "tsheet serve stopped.\n")
    #expect(stopped.stderr == "")
  }

  /// Ctrl-C while a page waits on a team's server that never answers (it would wait a minute) stops the server
  /// within its deadline, with one line.
  @Test func sigintStopsTheServerWithinItsDeadlineWhileAPageWaits() async throws {
    let silent = try SupportServer("silent_server.py", [])
    let url = "postgres://ana@127.0.0.1:\(silent.port)/team?connect_timeout=60"
    let server = try RunningServe(try ServeLog(), ["serve", "--port", "0", "--db", url])
    defer { server.kill() }
    let session = try await ServeSession(server)
    let waiting = Task { try? await session.get("/") }
    // The page is being made once it waits on the team's server (a fixed pause was too short on a loaded machine).
    #expect(eventually(within: 10) { silent.number(after: "CONNECTION") != nil })
    let stopped = try server.interrupt(within: .seconds(WeekServer.stopDeadline + 3))
    #expect(stopped.status == 0)
    #expect(stopped.rest == "tsheet serve stopped, without waiting for the page still being made.\n")
    waiting.cancel()
  }

  @Test func aPortInUseIsOneLineAndStatus69() throws {
    let log = try ServeLog()
    let first = try RunningServe(log, ["serve", "--port", "0"])
    defer { first.kill() }
    let port = try #require(first.firstLine.firstMatch(of: /127\.0\.0\.1:(\d+)\//)?.1)
    let second = try log.run(["serve", "--port", String(port)])
    #expect(second.status == 69)
    #expect(
      second.stderr
        == "Error: 127.0.0.1:\(port) is in use by another program; give another --port (or --port 0 for any free one).\n"
    )
    _ = try first.interrupt(within: .seconds(5))
  }

  @Test(arguments: [
    "0.0.0.0", "192.168.1.10", "::", "example.com", "127.0.0.1.example.com", "1270.0.0.1", "127.255.255.255",
    "127.0.0.0", "127.0.0.01", "::2", "[::1]",
  ])
  func aBindBeyondLoopbackIsRefusedWithStatus64(address: String) throws {
    let run = try ServeLog().run(["serve", "--bind", address, "--port", "0"])
    #expect(run.status == 64)
    #expect(run.stdout == "")
    #expect(run.stderr.hasPrefix("Error: --bind \(address) is not a loopback address, and no TLS is configured"))
    #expect(run.stderr.contains("ssh -L 8080:127.0.0.1:8080"))
    #expect(run.stderr.filter(\.isNewline).count == 1)
  }

  @Test func listensOnTheIPv6LoopbackAndAnswersToItsBracketedAddress() async throws {
    let server = try RunningServe(try ServeLog(), ["serve", "--bind", "::1", "--port", "0"])
    defer { server.kill() }
    let match = try #require(server.firstLine.firstMatch(of: /open http:\/\/\[::1\]:(\d+)\/sign-in/))
    let port = try #require(Int(match.1))
    let response = try await ServeLog.get("/style.css", host: "::1", port: port, authority: "[::1]:\(port)")
    #expect(response.status == .ok)
    _ = try server.interrupt(within: .seconds(5))
  }

  @Test func aMissingServerIsOneLineAndStatus69() throws {
    let log = try ServeLog()
    let lonely = log.folder + "/tsheet"
    try FileManager.default.copyItem(atPath: ServeLog.binary("tsheet"), toPath: lonely)
    let run = try log.run(["serve"], binary: lonely)
    #expect(run.status == 69)
    #expect(run.stderr.hasPrefix("Error: \(log.folder)/tsheet-serve is missing: tsheet serve needs tsheet-serve"))
    #expect(run.stderr.filter(\.isNewline).count == 1)
  }

  @Test func theMainBinaryLinksNoWebServer() throws {
    let tsheet = try Data(contentsOf: URL(fileURLWithPath: ServeLog.binary("tsheet")))
    let server = try Data(contentsOf: URL(fileURLWithPath: ServeLog.binary("tsheet-serve")))
    #expect(tsheet.range(of: Data("Hummingbird".utf8)) == nil)
    #expect(server.range(of: Data("Hummingbird".utf8)) != nil)
  }
}

/// The built `tsheet` with its arguments, running in the background until it prints its first line.
struct RunningServe {
  let process: Process
  let output: Pipe
  let errors: Pipe
  /// The first line it printed (the address), without its newline.
  let firstLine: String

  /// Starts `tsheet arguments…` in `log`'s environment and waits up to 20 s for its first line.
  init(_ log: ServeLog, _ arguments: [String]) throws {
    (output, errors) = (Pipe(), Pipe())
    process = try log.start(arguments, output: output, errors: errors)
    var line: [UInt8] = []
    let deadline = ContinuousClock.now + .seconds(20)
    while line.last != UInt8(ascii: "\n") {
      guard let byte = try Self.readByte(output, before: deadline) else { break }
      line.append(byte)
    }
    firstLine = String(decoding: line.dropLast(), as: UTF8.self)
  }

  /// Sends SIGINT and waits up to `limit` for the process to end. Returns its status, what it printed after
  /// the first line, and its standard error.
  func interrupt(within limit: Duration) throws -> (status: Int32, rest: String, stderr: String) {
    process.interrupt()
    let deadline = ContinuousClock.now + limit
    while process.isRunning && ContinuousClock.now < deadline { usleep(20_000) }
    #expect(!process.isRunning, "still running \(limit) after SIGINT")
    kill()
    process.waitUntilExit()
    let rest = output.fileHandleForReading.readDataToEndOfFile()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    return (process.terminationStatus, String(decoding: rest, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
  }

  /// Ends the process at once, if it runs.
  func kill() {
    if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
  }

  /// The next byte of `pipe`, waiting until `deadline`; nil at its end.
  private static func readByte(_ pipe: Pipe, before deadline: ContinuousClock.Instant) throws -> UInt8? {
    let descriptor = pipe.fileHandleForReading.fileDescriptor
    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    let left = deadline - ContinuousClock.now
    let milliseconds = max(
      0, Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
    guard poll(&poller, 1, milliseconds) == 1 else { throw ServeTestError.silent }
    var byte: UInt8 = 0
    return read(descriptor, &byte, 1) == 1 ? byte : nil
  }
}

/// A browser's session with a running `tsheet serve`: signed in through the address it printed, over real HTTP,
/// its cookie sent with every request.
struct ServeSession {
  /// What the server answered.
  struct Answer {
    var status: HTTPResponse.Status
    var text: String
  }

  let port: Int
  let cookie: String
  /// The server's own Host, as the printed address names it.
  var authority: String { "127.0.0.1:\(port)" }

  /// Opens the sign-in address `server` printed: it must answer 303 with the session cookie.
  init(_ server: RunningServe) async throws {
    let address = try #require(
      server.firstLine.firstMatch(of: #/open http://127\.0\.0\.1:(\d+)(/sign-in\?token=[0-9a-f]{64}) /#))
    let port = try #require(Int(address.1))
    let signIn = try await ServeLog.get(
      String(address.2), host: "127.0.0.1", port: port, authority: "127.0.0.1:\(port)")
    self.port = port
    #expect(signIn.status == .seeOther)
    cookie = String(try #require(signIn.headers[.setCookie]).prefix { $0 != ";" })
  }

  /// GETs `path` with the cookie.
  func get(_ path: String) async throws -> Answer {
    let response = try await ServeLog.get(
      path, host: "127.0.0.1", port: port, authority: authority, headers: [.cookie: cookie])
    return Answer(status: response.status, text: String(buffer: response.body ?? ByteBuffer()))
  }

  /// POSTs `form` (already encoded) to `path` with the cookie, from a page of the server (its Origin).
  func post(_ path: String, form: String) async throws -> Answer {
    let headers: HTTPFields = [
      .cookie: cookie, .origin: "http://\(authority)", .contentType: "application/x-www-form-urlencoded",
    ]
    let response = try await TestClient.withClient(
      host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(30))
    ) {
      try await $0.execute(
        .init(path, method: .post, authority: authority, headers: headers, body: ByteBuffer(string: form)))
    }
    return Answer(status: response.status, text: String(buffer: response.body ?? ByteBuffer()))
  }
}

enum ServeTestError: Error {
  case silent
}

extension ServeLog {
  /// GETs `path` on a connection of its own, as a browser does, and again (up to three times) when the
  /// connection was closed before the answer came, as a browser retries a GET: on a loaded machine a new
  /// connection to a process that has just started was found closed now and then.
  static func get(_ path: String, host: String, port: Int, authority: String, headers: HTTPFields = [:]) async throws
    -> TestClient.Response
  {
    for attempt in 1...3 {
      do {
        return try await TestClient.withClient(host: host, port: port, configuration: .init(timeout: .seconds(10))) {
          try await $0.execute(.init(path, method: .get, authority: authority, headers: headers))
        }
      } catch ChannelError.ioOnClosedChannel where attempt < 3 {
        try await Task.sleep(for: .milliseconds(200))
      }
    }
    preconditionFailure("the last attempt returns or throws")
  }
}
