import Foundation
import PropertyBased
import Testing
import TsheetTestSupport

@testable import TsheetMail

/// What tsheet reads from OAuth2 providers and mail servers: the token endpoint's JSON, the redirect's query,
/// the SASL error challenge. Nothing they hold crashes tsheet, reaches the terminal unescaped, or becomes a token
/// that could carry a line break into SMTP.
@Suite struct OAuthParsingTests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
  ])
  func sha256MatchesFIPSVectors(input: String, hex: String) {
    #expect(SHA256.digest(Array(input.utf8)).map { String(format: "%02x", $0) }.joined() == hex)
  }

  @Test func pkceChallengesMatchPythonsHashlib() throws {
    let verifiers = (0..<200).map { _ in PKCE() }.map(\.verifier) + ["", "a", String(repeating: "~", count: 128)]
    let script = """
      import base64, hashlib, sys
      for line in sys.stdin.read().split("\\n"):
          print(base64.urlsafe_b64encode(hashlib.sha256(line.encode()).digest()).rstrip(b"=").decode())
      """
    let expected = try runPython(script, input: verifiers.joined(separator: "\n")).split(separator: "\n").map(
      String.init)
    #expect(verifiers.map { PKCE(verifier: $0, state: "s").challenge } == expected)
    let fresh = PKCE()
    #expect(fresh.verifier.count == 43 && fresh.state.count == 22 && fresh.verifier != PKCE().verifier)
  }

  @Test func tokenGrantReadsWhatProvidersSend() throws {
    let json: [String: Any] = [
      "access_token": "EwB4A8l6", "token_type": "Bearer", "expires_in": "3599",
      "refresh_token": "M.R3_BAY", "id_token": "h.eyJlbWFpbCI6ImFuYUBjb25zdWx0LmVzIn0.s",
    ]
    #expect(
      try TokenGrant(json: json, url: "u")
        == TokenGrant(
          accessToken: "EwB4A8l6", expiresIn: 3599,
          refreshToken: "M.R3_BAY", email: "ana@consult.es"))
    #expect(throws: OAuthError.unreadableAnswer(url: "u", status: 200, reason: "no usable access_token")) {
      try TokenGrant(json: ["access_token": "abc\r\nRCPT TO:<spy@evil.example>"], url: "u")
    }
    #expect(throws: OAuthError.self) { try TokenGrant(json: ["access_token": "a", "token_type": "mac"], url: "u") }
  }

  @Test func anyTokenEndpointAnswerIsReadOrRefusedInOneSafeLine() async {
    let pieces = Gen.element(
      of: [
        "{", "}", "\"access_token\":", "\"error\":", "\"expires_in\":", "\"refresh_token\":",
        "\"id_token\":", "1e400", "-5", "null", "true", "[", "]", ",", "\"x\"",
        "\"a.b.c\"", "\"\\u001b[2J\"", "<html>", "\u{0}", "\"\\r\\n\"",
      ] + HostileText.pieces)
    let bodies = Gen.oneOf(
      pieces.array(of: 0...14).map { $0.compactMap { $0 }.joined() },
      HostileText.strings(of: 0...20))
    await propertyCheck(count: 3000, input: bodies, Gen.element(of: [200, 400, 401, 500, 302])) { body, status in
      do {
        let grant = try TokenGrant(
          json: OAuthAnswer.object(Array(body.utf8), status: status ?? 200, url: "u"), url: "u")
        #expect(TokenGrant.isToken(grant.accessToken))
        #expect(grant.refreshToken.map(TokenGrant.isToken) ?? true)
        #expect((grant.expiresIn ?? 0) >= 0)
      } catch {
        let line = "\(error)"
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }, "\(line)")
        #expect(line.count < 400)
      }
    }
  }

  @Test func redirectQueryDecodesAndChecksState() throws {
    let query = RedirectQuery(target: "/?code=a%2Bb+c&state=xyz&state=evil&error_description=%E2%9C%93")
    #expect(query.fields["code"] == "a+b c" && query.fields["state"] == "xyz")
    #expect(try query.code(expecting: "xyz") == "a+b c")
    #expect(throws: OAuthError.wrongState) { try query.code(expecting: "other") }
    #expect(throws: OAuthError.denied(error: "access_denied", description: "no")) {
      try RedirectQuery(target: "/?error=access_denied&error_description=no&state=s").code(expecting: "s")
    }
    #expect(!RedirectQuery(target: "/favicon.ico").isAnswer(to: "xyz"))
    #expect(!RedirectQuery(target: "/?code=c&state=xy").isAnswer(to: "xyz"))
    #expect(RedirectQuery(target: "/?error=denied&state=xyz").isAnswer(to: "xyz"))
  }

  @Test func anyRedirectTargetParsesAndOnlyTheRightStateGivesACode() async {
    let pieces = Gen.element(
      of: ["?", "&", "=", "%", "%2", "%zz", "%41", "+", "code", "state", "error", "S", "/"]
        + HostileText.pieces)
    await propertyCheck(count: 3000, input: pieces.array(of: 0...16).map { $0.compactMap { $0 }.joined() }) { target in
      let query = RedirectQuery(target: target)
      if (try? query.code(expecting: "S")) != nil { #expect(query.fields["state"] == "S") }
      #expect((try? query.code(expecting: "")) == nil || query.fields["state"] == "")
    }
  }

  @Test func saslErrorChallengeNamesTheProvidersStatus() {
    let gmail = Data(#"{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}"#.utf8)
      .base64EncodedString()
    #expect(SASLErrorChallenge(base64: gmail).summary == "401 (scope https://mail.google.com/)")
    let hostile = Data(#"{"status":"invalid_token\u001b[2J\r\nRCPT"}"#.utf8).base64EncodedString()
    #expect(SASLErrorChallenge(base64: hostile).summary == "invalid_token\\x1b[2J\\r\\nRCPT")
    #expect(SASLErrorChallenge(base64: "%%%").summary == nil)
  }

  @Test func anySASLChallengeGivesAtMostOneEscapedLine() async {
    let texts = Gen.oneOf(
      HostileText.strings(of: 0...20).map { Data($0.utf8).base64EncodedString() },
      HostileText.strings(of: 0...20).map { Data("{\"status\":\"\($0)\",\"scope\":7}".utf8).base64EncodedString() },
      HostileText.strings(of: 0...20))
    await propertyCheck(count: 3000, input: texts) { text in
      guard let summary = SASLErrorChallenge(base64: text).summary else { return }
      #expect(!summary.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
      #expect(summary.count <= 260)
    }
  }

  @Test func onlyHTTPSOrLoopbackHTTPEndpointsAreCalled() {
    #expect((try? OAuthClient.checkSecure("https://login.microsoftonline.com/common/oauth2/v2.0/token")) != nil)
    #expect((try? OAuthClient.checkSecure("http://127.0.0.1:8080/token")) != nil)
    for url in [
      "http://login.example.com/token", "http://127.0.0.1.evil.example/token", "ftp://127.0.0.1/",
      "http://user@127.0.0.1/token", "file:///etc/passwd", "HTTP://example.com",
    ] {
      #expect(throws: OAuthError.insecureEndpoint(url)) { try OAuthClient.checkSecure(url) }
    }
  }
}
