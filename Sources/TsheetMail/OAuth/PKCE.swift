import Foundation

/// Proof Key for Code Exchange (RFC 7636) with S256, and the random `state` of one sign-in.
package struct PKCE: Sendable {
  /// The secret the token request proves the sign-in with: 43 characters of base64url.
  package let verifier: String
  /// What the authorization request carries: base64url(SHA-256(verifier)).
  package var challenge: String { Self.base64URL(SHA256.digest(Array(verifier.utf8))) }
  /// The value the redirect must bring back unchanged.
  package let state: String

  package init() {
    verifier = Self.base64URL(Self.random(32))
    state = Self.base64URL(Self.random(16))
  }

  package init(verifier: String, state: String) {
    self.verifier = verifier
    self.state = state
  }

  static func random(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()  // getrandom(2) on Linux
    return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
  }

  /// Base64 with the URL alphabet and no padding (RFC 4648 §5).
  package static func base64URL(_ bytes: [UInt8]) -> String {
    Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }
}
