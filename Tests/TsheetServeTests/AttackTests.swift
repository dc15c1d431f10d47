import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TsheetServe

/// What a stranger's attack on the server found, each pinned: floods of silent connections, a request that
/// names two hosts, a second session cookie, methods the pages do not take, the parser's own refusals.
@Suite struct AttackTests {
  /// A request for `target` as a browser of this server sends it, and closes.
  private static func request(_ target: String, method: String = "GET", port: Int, _ fields: [String] = [])
    -> [String]
  {
    ["\(method) \(target) HTTP/1.1"]
      + (fields.contains { $0.lowercased().hasPrefix("host:") } ? [] : ["Host: 127.0.0.1:\(port)"])
      + fields + ["Connection: close"]
  }

  @Test func twoHostFieldsOrAWholeURIForAnotherHostAreRefused() async throws {
    try await withServer(try ServeLog()) { server in
      let cookie = try await server.signIn()
      let own = "127.0.0.1:\(server.port)"
      for hosts in [[own, "evil.example"], ["evil.example", own], [own, own]] {
        let response = try await RawHTTP.exchange(
          port: server.port, Self.request("/", port: server.port, hosts.map { "Host: \($0)" } + ["Cookie: \(cookie)"]))
        #expect(response.status == 400, "\(hosts)")
        #expect(!response.body.contains("<table"))
      }
      for target in ["http://evil.example/", "http://evil.example:\(server.port)/", "http://\(own)@evil.example/", "*"]
      {
        let response = try await RawHTTP.exchange(
          port: server.port, Self.request(target, port: server.port, ["Cookie: \(cookie)"]))
        #expect(response.status == 421, "\(target)")
        #expect(!response.body.contains("<table"))
      }
      let own_ = try await RawHTTP.exchange(
        port: server.port, Self.request("http://\(own)/", port: server.port, ["Cookie: \(cookie)"]))
      #expect(own_.status == 200)
    }
  }

  @Test func theParsersOwnRefusalCarriesTheSecurityHeaders() async throws {
    try await withServer(try ServeLog()) { server in
      for lines in [["GET / HTTP/1.1", "Host: 127.0.0.1:\(server.port)", "Bad header line"], ["NONSENSE"]] {
        let response = try await RawHTTP.exchange(port: server.port, lines)
        #expect(response.status == 400)
        #expect(response["content-security-policy"]?.hasPrefix("default-src 'none'") == true)
        #expect(response["x-content-type-options"] == "nosniff")
        #expect(response["x-frame-options"] == "DENY")
        #expect(response["referrer-policy"] == "same-origin")
      }
    }
  }

  @Test func headIsGetWithoutTheBodyAndOtherMethodsAre405WithAllow() async throws {
    try await withServer(try ServeLog()) { server in
      let cookie = "Cookie: \(try await server.signIn())"
      let get = try await RawHTTP.exchange(port: server.port, Self.request("/", port: server.port, [cookie]))
      let head = try await RawHTTP.exchange(
        port: server.port, Self.request("/", method: "HEAD", port: server.port, [cookie]))
      #expect(get.status == 200 && head.status == 200)
      #expect(head.body == "")
      #expect(head["content-length"] == String(get.body.utf8.count))
      #expect(head["content-security-policy"] != nil)
      let missing = try await RawHTTP.exchange(
        port: server.port, Self.request("/nowhere", method: "HEAD", port: server.port))
      #expect(missing.status == 404 && missing.body == "")
      for (method, path, allowed) in [
        ("PUT", "/", "GET, HEAD"), ("DELETE", "/week/2026-W40", "GET, HEAD"), ("POST", "/style.css", "GET, HEAD"),
        ("GET", "/sign-out", "POST"), ("OPTIONS", "/sign-in", "GET, HEAD"), ("PATCH", "/sign-out", "POST"),
      ] {
        let response = try await RawHTTP.exchange(
          port: server.port, Self.request(path, method: method, port: server.port, [cookie, "Content-Length: 0"]))
        #expect(response.status == 405, "\(method) \(path)")
        #expect(response["allow"] == allowed, "\(method) \(path)")
        #expect(response["content-security-policy"] != nil)
      }
      // A method HTTP's parser knows but HTTP does not define is 501; one it does not know is the parser's 400.
      for (method, status) in [("PROPFIND", 501), ("PURGE", 501), ("FOO", 400)] {
        for path in ["/", "/nowhere"] {
          let response = try await RawHTTP.exchange(
            port: server.port, Self.request(path, method: method, port: server.port, [cookie]))
          #expect(response.status == status, "\(method) \(path)")
          #expect(response["content-security-policy"] != nil)
        }
      }
    }
  }

  @Test func twoSessionCookiesThatDisagreeSignNobodyIn() async throws {
    try await withServer(try ServeLog()) { server in
      let cookie = try await server.signIn()
      let other = "tsheet_session=" + String(repeating: "0", count: 64)
      for header in ["\(cookie); \(other)", "\(other); \(cookie)", "\(cookie);\(other)"] {
        #expect(try await server.send(.get, "/", cookie: header).status == .unauthorized, "\(header)")
      }
      #expect(try await server.send(.get, "/", cookie: "\(cookie); \(cookie)").status == .ok)
      #expect(try await server.send(.get, "/", cookie: "theme=dark; \(cookie)").status == .ok)
    }
  }

  @Test func aFormFromAnotherOriginOrFromNoneIsRefused() async throws {
    try await withServer(try ServeLog()) { server in
      let cookie = try await server.signIn()
      let page = text(of: try await server.send(.get, "/", cookie: cookie))
      let csrf = try #require(page.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/)?.1)
      for origin: String? in [
        nil, "null", "http://evil.example", "http://127.0.0.1:\(server.port + 1)", "https://localhost:\(server.port)",
        "http://localhost:\(server.port).evil.example",
      ] {
        let response = try await server.send(
          .post, "/sign-out", cookie: cookie, form: "csrf=\(csrf)", origin: .some(origin))
        #expect(response.status == .forbidden, "\(origin ?? "no Origin")")
      }
      #expect(try await server.send(.get, "/", cookie: cookie).status == .ok)
      #expect(try await server.send(.post, "/sign-out", cookie: cookie, form: "csrf=\(csrf)").status == .ok)
    }
  }

  /// A link preview's HEAD of the printed address, answered as the GET would be, and a browser's prefetch of
  /// it leave the one token for the browser's own opening.
  @Test func aHeadOrAPrefetchOfTheSignInAddressSpendsNothing() async throws {
    try await withServer(try ServeLog()) { server in
      let head = try await server.send(.head, "/sign-in?token=\(server.token)")
      #expect(head.status == .seeOther)
      #expect(head.headers[.setCookie] == nil)
      #expect(
        try await server.send(.head, "/sign-in?token=\(String(repeating: "0", count: 64))").status == .unauthorized)
      let prefetch = try await server.client.execute(
        .init(
          "/sign-in?token=\(server.token)", method: .get, authority: "localhost:\(server.port)",
          headers: [HTTPField.Name("Sec-Purpose")!: "prefetch"]))
      #expect(prefetch.status == .serviceUnavailable && prefetch.headers[.setCookie] == nil)
      #expect(try await server.send(.get, "/sign-in?token=\(server.token)").status == .seeOther)
    }
  }

  @Test func theSignInRedirectIsNeverStored() async throws {
    try await withServer(try ServeLog()) { server in
      let response = try await server.send(.get, "/sign-in?token=\(server.token)")
      #expect(response.status == .seeOther)
      #expect(response.headers[.cacheControl] == "no-store")
    }
  }

  @Test func theFirstAndLastWeeksOfferNoLinkOutsideTheCalendar() async throws {
    try await withServer(try ServeLog()) { server in
      let cookie = try await server.signIn()
      let first = text(of: try await server.send(.get, "/week/0001-01-01", cookie: cookie))
      #expect(!first.contains("rel=\"prev\""))
      #expect(first.contains("<a href=\"/week/0001-01-08\" rel=\"next\">"))
      let last = text(of: try await server.send(.get, "/week/9999-12-26", cookie: cookie))
      #expect(!last.contains("rel=\"next\""))
      let links = (first + last).matches(of: /href="(\/week\/[^"]+)"/).map { String($0.1) }
      #expect(links.count == 2)
      for link in links { #expect(try await server.send(.get, link, cookie: cookie).status == .ok, "\(link)") }
    }
  }

  /// A client that opens connections and sends nothing (or drips a head that never ends) has each closed
  /// after the idle time; a connection that had its answer is closed too once it idles.
  @Test func silentAndDrippingConnectionsAreClosedAfterTheIdleTime() async throws {
    try await withServer(try ServeLog(), limits: .init(idleTimeout: .seconds(1), connections: 64)) { server in
      let output = try await blocking {
        try runPython(["Tests/Support/serve_flood.py", "idle", String(server.port)], timeout: .seconds(30))
      }
      let closed = try JSONDecoder().decode([String: Double?].self, from: Data(output.utf8))
      for name in ["silent", "slow", "kept"] {
        let seconds = try #require(closed[name] ?? nil, "\(name) was still open after 20 s")
        #expect((0.8...4).contains(seconds), "\(name) closed after \(seconds) s")
      }
    }
  }

  /// What the flood measured.
  struct Flood: Decodable {
    var opened: Int
    var cpu: Double
    var descriptors: Int
    var status: String
    var seconds: Double
  }

  @Test func aFloodOfConnectionsHoldsFewDescriptorsAndTheServerAnswersRightAfter() throws {
    let log = try ServeLog()
    let server = try RunningServe(log, ["serve", "--port", "0"])
    defer { server.kill() }
    let port = try #require(server.firstLine.firstMatch(of: /127\.0\.0\.1:(\d+)\//)?.1)
    let output = try runPython(
      ["Tests/Support/serve_flood.py", "flood", String(port), String(server.process.processIdentifier), "300", "2"],
      timeout: .seconds(60))
    let flood = try JSONDecoder().decode(Flood.self, from: Data(output.utf8))
    #expect(flood.opened >= 200)
    #expect(flood.descriptors < 64 + 40, "the server held \(flood.descriptors) descriptors")
    #expect(flood.cpu < 0.5, "the server spent \(flood.cpu) s of CPU on 2 s of silent connections")
    #expect(flood.status == "HTTP/1.1 200 OK")
    #expect(flood.seconds < 3, "a normal request waited \(flood.seconds) s after the flood")
    _ = try server.interrupt(within: .seconds(5))
  }
}

/// Runs `python3 arguments…` from the package's folder, waiting at most `timeout`; returns its standard output.
func runPython(_ arguments: [String], timeout: Duration) throws -> String {
  let process = Process()
  let output = Pipe()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3"] + arguments
  process.currentDirectoryURL =
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
  process.standardOutput = output
  process.standardInput = FileHandle.nullDevice
  try process.run()
  let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
  DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(Int(timeout.components.seconds)), execute: killer)
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  killer.cancel()
  #expect(process.terminationStatus == 0, "\(arguments.first ?? "") failed")
  return String(decoding: data, as: UTF8.self)
}
