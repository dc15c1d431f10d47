import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TsheetServe

/// The sign-in: the printed token, once, for a cookie only this site's own requests carry; nothing without it.
@Suite struct SignInTests {
  @Test func theTokenSignsTheBrowserInWithAStrictHttpOnlyCookieAndLeavesTheTokenOutOfTheAddress() async throws {
    try await withServer(try ServeLog()) { server in
      let response = try await server.send(.get, "/sign-in?token=\(server.token)")
      #expect(response.status == .seeOther)
      #expect(response.headers[.location] == "/")
      let cookie = try #require(response.headers[.setCookie])
      let attributes = Set(cookie.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
      #expect(attributes.isSuperset(of: ["HttpOnly", "SameSite=Strict", "Path=/"]))
      #expect(cookie.hasPrefix("tsheet_session="))
      #expect(!cookie.contains(server.token))
      let page = try await server.send(.get, "/", cookie: String(cookie.prefix { $0 != ";" }))
      #expect(page.status == .ok)
      #expect(text(of: page).contains("Week 2026-W47"))
    }
  }

  @Test func theTokenWorksOnce() async throws {
    try await withServer(try ServeLog()) { server in
      let cookie = try await server.signIn()
      let again = try await server.send(.get, "/sign-in?token=\(server.token)")
      #expect(again.status == .unauthorized)
      #expect(again.headers[.setCookie] == nil)
      // The browser that signed in, opening the printed address again, is sent on to the week.
      let signedIn = try await server.send(.get, "/sign-in?token=\(server.token)", cookie: cookie)
      #expect(signedIn.status == .seeOther)
    }
  }

  @Test(arguments: ["/sign-in", "/sign-in?token=", "/sign-in?token=0000", "/sign-in?token=x%00y"])
  func aWrongOrMissingTokenSignsNobodyIn(path: String) async throws {
    try await withServer(try ServeLog()) { server in
      let response = try await server.send(.get, path)
      #expect(response.status == .unauthorized)
      #expect(response.headers[.setCookie] == nil)
      // The right token still works afterwards: wrong guesses do not spend it.
      #expect(try await server.send(.get, "/sign-in?token=\(server.token)").status == .seeOther)
    }
  }

  @Test(arguments: [nil, "tsheet_session=", "tsheet_session=0123", "other=1"])
  func everyPageNeedsASignedInCookie(cookie: String?) async throws {
    try await withServer(try ServeLog()) { server in
      for path in ["/", "/week/2026-11-09"] {
        let response = try await server.send(.get, path, cookie: cookie)
        #expect(response.status == .unauthorized)
        #expect(!text(of: response).contains("<table"))
      }
    }
  }

  @Test func signingOutTakesTheFormTokenAndEndsTheSession() async throws {
    try await withServer(try ServeLog()) { server in
      let cookie = try await server.signIn()
      let page = text(of: try await server.send(.get, "/", cookie: cookie))
      let formToken = try #require(page.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/)?.1)
      for form in ["", "csrf=", "csrf=\(String(repeating: "0", count: 64))", "other=\(formToken)"] {
        let refused = try await server.send(.post, "/sign-out", cookie: cookie, form: form)
        #expect(refused.status == .forbidden, "form \(form)")
      }
      #expect(try await server.send(.post, "/sign-out", form: "csrf=\(formToken)").status == .unauthorized)
      let signedOut = try await server.send(.post, "/sign-out", cookie: cookie, form: "csrf=\(formToken)")
      #expect(signedOut.status == .ok)
      #expect(try await server.send(.get, "/", cookie: cookie).status == .unauthorized)
    }
  }
}
