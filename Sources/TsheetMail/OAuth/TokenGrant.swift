import Foundation

/// What a token endpoint gives (RFC 6749 §5.1): an access token, how long it holds, perhaps a new refresh token
/// and an OpenID id_token naming the user.
package struct TokenGrant: Sendable, Equatable {
  package let accessToken: String
  /// Seconds the access token holds from now; nil when the provider does not say.
  package let expiresIn: Int?
  /// A refresh token; a provider that rotates them sends a new one with each refresh.
  package let refreshToken: String?
  /// The user's address from the id_token, for `mail status` (not verified: it is shown, never trusted).
  package let email: String?

  package init(accessToken: String, expiresIn: Int?, refreshToken: String?, email: String?) {
    self.accessToken = accessToken
    self.expiresIn = expiresIn
    self.refreshToken = refreshToken
    self.email = email
  }

  /// Reads a token endpoint's JSON object. Tokens must be visible ASCII (RFC 6750's token68 and then some):
  /// a token holding a line break or a space could otherwise smuggle a command into an SMTP conversation.
  init(json: [String: Any], url: String) throws(OAuthError) {
    guard let access = json["access_token"] as? String, Self.isToken(access) else {
      throw .unreadableAnswer(url: url, status: 200, reason: "no usable access_token")
    }
    if let type = json["token_type"] as? String, type.lowercased() != "bearer" {
      throw .unreadableAnswer(url: url, status: 200, reason: "a token of type '\(type.shown)'")
    }
    let refresh = json["refresh_token"] as? String
    if let refresh, !Self.isToken(refresh) {
      throw .unreadableAnswer(url: url, status: 200, reason: "an unusable refresh_token")
    }
    self.init(
      accessToken: access, expiresIn: Self.seconds(json["expires_in"]), refreshToken: refresh,
      email: (json["id_token"] as? String).flatMap(Self.email(inIDToken:)))
  }

  /// Whether `text` can be a bearer token: 1 to 16384 visible ASCII characters.
  package static func isToken(_ text: String) -> Bool {
    (1...16384).contains(text.utf8.count) && text.utf8.allSatisfy { (0x21...0x7E).contains($0) }
  }

  /// A number of seconds given as a JSON number or a numeric string (both are seen), within ten years.
  static func seconds(_ value: Any?) -> Int? {
    let number: Double? =
      switch value {
      case let number as NSNumber: number.doubleValue
      case let text as String: Double(text)
      default: nil
      }
    guard let number, number.isFinite, number >= 0 else { return nil }
    return Int(min(number, 315_360_000))
  }

  /// The `email` (else `preferred_username`) claim of a JWT's payload, undecoded further and unverified.
  static func email(inIDToken token: String) -> String? {
    let parts = token.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3 else { return nil }
    var payload = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    payload += String(repeating: "=", count: (4 - payload.count % 4) % 4)
    guard let data = Data(base64Encoded: payload),
      let claims = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let email = (claims["email"] ?? claims["preferred_username"]) as? String,
      (1...254).contains(email.count), email.contains("@")
    else { return nil }
    return email.shown
  }
}

/// A JSON answer of an OAuth2 endpoint: an object on success, `{"error": …}` on refusal.
enum OAuthAnswer {
  /// The object `body` holds when `status` is 2xx.
  /// - Throws: `.refused` with the provider's error, `.unreadableAnswer` for anything that is not an object.
  static func object(_ body: [UInt8], status: Int, url: String) throws(OAuthError) -> [String: Any] {
    let json = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    if let json, let error = json["error"] as? String, !error.isEmpty {
      throw .refused(error: error, description: json["error_description"] as? String)
    }
    guard let json, (200..<300).contains(status) else {
      let text = String(decoding: body.prefix(200), as: UTF8.self).lowercased()
      let reason =
        body.isEmpty
        ? "nothing"
        : text.contains("<html") || text.contains("<!doctype") ? "an HTML page" : "something that is not JSON"
      throw .unreadableAnswer(url: url, status: status, reason: json == nil ? reason : "an unexpected status")
    }
    return json
  }
}
