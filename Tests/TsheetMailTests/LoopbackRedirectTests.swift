import Foundation
import Testing

@testable import TsheetMail

/// The loopback redirect: a real listener on 127.0.0.1 answering real HTTP requests (libcurl's), within its
/// deadline.
@Suite(.timeLimit(.minutes(1)))
struct LoopbackRedirectTests {
  /// GETs `path` from the listener on `port`: the status and the text.
  func get(_ path: String, port: Int) throws -> (Int, String) {
    let answer = try CurlTransfer(url: "http://127.0.0.1:\(port)\(path)", protocols: "http", timeout: 5).perform()
    return (answer.code, String(decoding: answer.body, as: UTF8.self))
  }

  @Test func theFirstAnswerIsTakenAndOtherRequestsAreNotFound() throws {
    let redirect = try LoopbackRedirect(state: "s+1")
    #expect(try get("/favicon.ico", port: redirect.port) == (404, "Not found.\n"))
    #expect(try get("/?code=evil&state=guess", port: redirect.port) == (404, "Not found.\n"))
    #expect(try get("/?error=access_denied", port: redirect.port) == (404, "Not found.\n"))
    let answer = try get("/?code=c0de&state=s%2B1", port: redirect.port)
    #expect(answer == (200, "tsheet has the answer; you may close this window.\n"))
    let query = try redirect.query(within: 5)
    #expect(try query.code(expecting: "s+1") == "c0de")
    #expect(throws: OAuthError.wrongState) { try query.code(expecting: "s 1") }
  }

  @Test func nobodyAnsweringEndsAtTheDeadline() throws {
    let redirect = try LoopbackRedirect(state: "s")
    let started = Date()
    #expect(throws: OAuthError.expired(seconds: 1)) { try redirect.query(within: 1) }
    #expect(Date().timeIntervalSince(started) < 3)
  }
}
