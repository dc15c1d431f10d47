import TOMLKit
import TsheetMail

/// The `[oauth2]` table: which provider `tsheet mail login` signs in to, with which registered app.
///
///     [oauth2]
///     provider = "microsoft"          # or "google", or any name with the endpoints below
///     client_id = "…"
///     client_secret = "…"             # Google's installed apps only
///     tenant = "contoso.onmicrosoft.com"   # Microsoft; default "common"
///     authorize_url = "…"  token_url = "…"  device_url = "…"  scopes = ["…"]   # another provider
///     timeout = 30                    # seconds each call to the provider may take
package struct OAuthConfig: Sendable, Equatable {
  package var provider: OAuthProvider
  /// Seconds each call to the token or device endpoint may take.
  package var timeout = 30

  static let keys = [
    "provider", "client_id", "client_secret", "tenant", "authorize_url", "token_url", "device_url",
    "scopes", "timeout",
  ]

  init(table: TOMLTable, file: String) throws(ConfigError) {
    var text: [String: String] = [:]
    var scopes: [String]?
    for (key, value) in table {
      let name = "oauth2.\(key)"
      switch key {
      case "scopes":
        guard let array = value.array.map { Array($0) }, !array.isEmpty,
          case let list = array.compactMap({ $0.string }), list.count == array.count,
          list.allSatisfy({ !$0.isEmpty && !$0.contains(" ") })
        else {
          throw .badValue(file: file, key: name, expected: "a list of scopes such as [\"https://mail.example/\"]")
        }
        scopes = list
      case "timeout":
        guard let seconds = value.int, (1...600).contains(seconds) else {
          throw .badValue(file: file, key: name, expected: "a number of seconds from 1 to 600")
        }
        timeout = seconds
      case _ where Self.keys.contains(key):
        text[key] = try Config.string(value, key: name, file: file, expected: "a text")
      default:
        throw .unknownKey(file: file, key: name, known: Self.keys)
      }
    }
    guard let clientID = text["client_id"] else {
      throw .badValue(file: file, key: "oauth2.client_id", expected: "set to the app's client ID (see the README)")
    }
    let secret = text["client_secret"]
    switch text["provider"] ?? "custom" {
    case "microsoft":
      provider = .microsoft(tenant: text["tenant"] ?? "common", clientID: clientID, clientSecret: secret)
    case "google":
      provider = .google(clientID: clientID, clientSecret: secret)
    case let name:
      func url(_ key: String) throws(ConfigError) -> String {
        guard let url = text[key], (try? OAuthClient.checkSecure(url)) != nil else {
          throw .badValue(
            file: file, key: "oauth2.\(key)",
            expected:
              "an https:// URL (http:// only to 127.0.0.1), for a provider other than \"microsoft\" or \"google\"")
        }
        return url
      }
      guard let scopes else {
        throw .badValue(
          file: file, key: "oauth2.scopes", expected: "set for a provider other than \"microsoft\" or \"google\"")
      }
      provider = OAuthProvider(
        name: name, authorizeURL: try url("authorize_url"), tokenURL: try url("token_url"),
        deviceURL: text["device_url"] == nil ? nil : try url("device_url"), scopes: scopes,
        clientID: clientID, clientSecret: secret)
    }
    if let scopes { provider.scopes = scopes }
  }
}
