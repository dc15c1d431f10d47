import CCurl
import Foundation

/// The token and device endpoints of one provider, called over HTTPS through libcurl, each call within
/// `timeout` seconds and a bound of 1 MB on the answer.
package struct OAuthClient: Sendable {
  package let provider: OAuthProvider
  package let timeout: Int

  package init(provider: OAuthProvider, timeout: Int = 30) {
    self.provider = provider
    self.timeout = timeout
  }

  /// Trades the browser's authorization code for tokens (RFC 6749 §4.1.3 with RFC 7636's verifier).
  package func exchange(code: String, redirectURI: String, pkce: PKCE) throws(OAuthError) -> TokenGrant {
    try TokenGrant(
      json: post(
        provider.tokenURL,
        [
          ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI),
          ("code_verifier", pkce.verifier),
        ]), url: provider.tokenURL)
  }

  /// A new access token for `refreshToken` (RFC 6749 §6); the grant holds a new refresh token when the
  /// provider rotates them.
  package func refresh(_ refreshToken: String) throws(OAuthError) -> TokenGrant {
    try TokenGrant(
      json: post(
        provider.tokenURL,
        [
          ("grant_type", "refresh_token"), ("refresh_token", refreshToken),
          ("scope", provider.scopes.joined(separator: " ")),
        ]), url: provider.tokenURL)
  }

  /// The address of the authorization page, with the sign-in's state and code challenge.
  package func authorizationURL(redirectURI: String, pkce: PKCE) -> String {
    provider.authorizeURL + (provider.authorizeURL.contains("?") ? "&" : "?")
      + Self.form(
        [
          ("response_type", "code"), ("client_id", provider.clientID), ("redirect_uri", redirectURI),
          ("scope", provider.scopes.joined(separator: " ")), ("state", pkce.state),
          ("code_challenge", pkce.challenge), ("code_challenge_method", "S256"),
        ] + provider.extraParameters)
  }

  /// POSTs `fields` (and the client's id and secret) as a form to `url`; returns the JSON object answered.
  func post(_ url: String, _ fields: [(String, String)]) throws(OAuthError) -> [String: Any] {
    try Self.checkSecure(url)
    var fields = fields + [("client_id", provider.clientID)]
    if let secret = provider.clientSecret { fields.append(("client_secret", secret)) }
    let answer: (code: Int, body: [UInt8])
    do {
      let transfer = try CurlTransfer(
        url: url, protocols: Self.isLoopbackHTTP(url) ? "http" : "https",
        timeout: timeout, limit: 1 << 20)
      try transfer.set(CURLOPT_COPYPOSTFIELDS, Self.form(fields))
      try transfer.set(CURLOPT_HTTPHEADER, ["Accept: application/json", "User-Agent: tsheet"])
      answer = try transfer.perform()
    } catch  where error.code == Int(CURLE_FILESIZE_EXCEEDED.rawValue) {
      throw .unreadableAnswer(url: url, status: 0, reason: "more than 1 MB")
    } catch {
      throw .unreachable(url: url, reason: error.message, temporary: error.timedOut)
    }
    return try OAuthAnswer.object(answer.body, status: answer.code, url: url)
  }

  /// Refuses an endpoint that is not https, but for plain http to this machine (a test's or a local
  /// broker's server).
  package static func checkSecure(_ url: String) throws(OAuthError) {
    guard url.lowercased().hasPrefix("https://") || isLoopbackHTTP(url) else { throw .insecureEndpoint(url) }
  }

  static func isLoopbackHTTP(_ url: String) -> Bool {
    guard let components = URLComponents(string: url), components.scheme?.lowercased() == "http",
      components.user == nil, let host = components.host
    else { return false }
    return ["127.0.0.1", "localhost", "[::1]", "::1"].contains(host.lowercased())
  }

  /// `application/x-www-form-urlencoded`: every byte but unreserved ones percent-encoded.
  static func form(_ fields: [(String, String)]) -> String {
    let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "" }
    return fields.map { encoded($0) + "=" + encoded($1) }.joined(separator: "&")
  }
}
