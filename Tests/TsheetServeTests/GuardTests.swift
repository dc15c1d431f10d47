import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TsheetServe

/// What every request meets before any page: the Host check, and the headers that keep a page to itself.
@Suite struct GuardTests {
  @Test func aRequestForAnotherHostIsRefusedBeforeAnythingElse() async throws {
    try await withServer(try ServeLog()) { server in
      let cookie = try await server.signIn()
      for host in [
        "evil.example", "evil.example:\(server.port)", "127.0.0.1:\(server.port + 1)", "localhost",
        "127.0.0.1.evil.example:\(server.port)", "[::1]:\(server.port)",
      ] {
        for path in ["/", "/sign-in?token=\(server.token)", "/style.css", "/nowhere"] {
          let response = try await server.send(.get, path, host: host, cookie: cookie)
          #expect(response.status == .misdirectedRequest, "Host \(host) \(path)")
          #expect(!text(of: response).contains("<table"))
        }
      }
      #expect(try await server.send(.get, "/", host: "127.0.0.1:\(server.port)", cookie: cookie).status == .ok)
      #expect(try await server.send(.get, "/", host: "LOCALHOST:\(server.port)", cookie: cookie).status == .ok)
    }
  }

  @Test func everyResponseSendsAPolicyThatLoadsNothingFromOutsideAndRunsNoScript() async throws {
    try await withServer(try ServeLog()) { server in
      let cookie = try await server.signIn()
      let responses = [
        try await server.send(.get, "/", cookie: cookie),
        try await server.send(.get, "/week/2026-W40", cookie: cookie),
        try await server.send(.get, "/week/nonsense", cookie: cookie),
        try await server.send(.get, "/"),
        try await server.send(.get, "/style.css"),
        try await server.send(.get, "/nowhere", cookie: cookie),
        try await server.send(.get, "/", host: "evil.example"),
        try await server.send(.post, "/sign-out", cookie: cookie, form: "csrf=wrong"),
      ]
      for response in responses {
        let policy = try #require(response.headers[.contentSecurityPolicy], "\(response.status)")
        let directives = Set(policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(directives.contains("default-src 'none'"))
        #expect(directives.contains("style-src 'self'"))
        #expect(directives.contains("frame-ancestors 'none'"))
        #expect(!policy.contains("unsafe") && !policy.contains("script-src") && !policy.contains("http"))
        #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
      }
      #expect(responses[2].status == .badRequest)
      #expect(responses[5].status == .notFound)
    }
  }

  @Test func thePagesLoadNothingButTheirOwnStylesheetAndHoldNoScript() async throws {
    let log = try ServeLog()
    try log.log("Fixed SSO login", 90, client: "acme", on: "2026-11-17")
    try await withServer(log) { server in
      let cookie = try await server.signIn()
      let page = text(of: try await server.send(.get, "/", cookie: cookie))
      #expect(!page.lowercased().contains("<script"))
      #expect(!page.contains("style="))
      #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("//"))
      #expect(page.contains("<link rel=\"stylesheet\" href=\"/style.css\">"))
      #expect(try await server.send(.get, "/style.css").headers[.contentType] == "text/css; charset=utf-8")
    }
  }
}
