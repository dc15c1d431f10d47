/// An authorization server and the app registered with it: where to sign in, where tokens come from, and what
/// to ask for.
package struct OAuthProvider: Sendable, Equatable {
  /// `microsoft`, `google`, or the name the config gives a custom provider.
  package var name: String
  package var authorizeURL: String
  package var tokenURL: String
  /// The device authorization endpoint (RFC 8628); nil when the provider has none.
  package var deviceURL: String?
  package var scopes: [String]
  /// The host the loopback redirect names: Entra ID matches `http://localhost` on any port; others 127.0.0.1.
  package var redirectHost = "127.0.0.1"
  /// Parameters the authorization request adds (Google's `access_type=offline`).
  package var extraParameters: [(String, String)] = []
  package var clientID: String
  /// Google's installed apps have a client secret (not secret in fact, but required); public clients none.
  package var clientSecret: String?

  package init(
    name: String, authorizeURL: String, tokenURL: String, deviceURL: String?, scopes: [String],
    clientID: String, clientSecret: String?
  ) {
    self.name = name
    self.authorizeURL = authorizeURL
    self.tokenURL = tokenURL
    self.deviceURL = deviceURL
    self.scopes = scopes
    self.clientID = clientID
    self.clientSecret = clientSecret
  }

  /// Microsoft 365 (Entra ID): SMTP submission and IMAP, a refresh token, and the user's address.
  package static func microsoft(tenant: String, clientID: String, clientSecret: String?) -> OAuthProvider {
    let base = "https://login.microsoftonline.com/\(tenant)/oauth2/v2.0"
    var provider = OAuthProvider(
      name: "microsoft", authorizeURL: base + "/authorize", tokenURL: base + "/token",
      deviceURL: base + "/devicecode",
      scopes: [
        "https://outlook.office.com/SMTP.Send", "https://outlook.office.com/IMAP.AccessAsUser.All",
        "offline_access", "openid", "email",
      ],
      clientID: clientID, clientSecret: clientSecret)
    provider.redirectHost = "localhost"
    return provider
  }

  /// Gmail: the whole mailbox is Google's one scope for SMTP and IMAP; refresh tokens need `access_type=offline`.
  package static func google(clientID: String, clientSecret: String?) -> OAuthProvider {
    var provider = OAuthProvider(
      name: "google", authorizeURL: "https://accounts.google.com/o/oauth2/v2/auth",
      tokenURL: "https://oauth2.googleapis.com/token", deviceURL: "https://oauth2.googleapis.com/device/code",
      scopes: ["https://mail.google.com/", "openid", "email"], clientID: clientID, clientSecret: clientSecret)
    provider.extraParameters = [("access_type", "offline"), ("prompt", "consent")]
    return provider
  }

  package static func == (lhs: OAuthProvider, rhs: OAuthProvider) -> Bool {
    lhs.name == rhs.name && lhs.authorizeURL == rhs.authorizeURL && lhs.tokenURL == rhs.tokenURL
      && lhs.deviceURL == rhs.deviceURL && lhs.scopes == rhs.scopes && lhs.clientID == rhs.clientID
      && lhs.clientSecret == rhs.clientSecret && lhs.redirectHost == rhs.redirectHost
      && lhs.extraParameters.map { "\($0)=\($1)" } == rhs.extraParameters.map { "\($0)=\($1)" }
  }
}
