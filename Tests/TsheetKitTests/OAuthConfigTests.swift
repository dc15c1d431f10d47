import Testing
import TsheetMail

@testable import TsheetKit

/// The `[oauth2]` table: the presets' endpoints and scopes, a custom provider's endpoints, and the mistakes.
@Suite struct OAuthConfigTests {
  @Test func microsoftAsksForSMTPIMAPAndARefreshToken() throws {
    let config = try Config(
      toml: "[oauth2]\nprovider = \"microsoft\"\nclient_id = \"app\"\ntenant = \"contoso.com\"",
      file: "c.toml")
    let provider = try #require(config.oauth2?.provider)
    #expect(provider.tokenURL == "https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token")
    #expect(provider.deviceURL == "https://login.microsoftonline.com/contoso.com/oauth2/v2.0/devicecode")
    #expect(
      provider.scopes.starts(with: [
        "https://outlook.office.com/SMTP.Send",
        "https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access",
      ]))
    #expect(provider.redirectHost == "localhost" && provider.clientSecret == nil)
  }

  @Test func googleTakesTheClientSecretAndAsksForOfflineAccess() throws {
    let config = try Config(
      toml: "[oauth2]\nprovider = \"google\"\nclient_id = \"id\"\nclient_secret = \"GOCSPX-x\"",
      file: "c.toml")
    let provider = try #require(config.oauth2?.provider)
    #expect(provider.scopes.first == "https://mail.google.com/" && provider.clientSecret == "GOCSPX-x")
    let url = OAuthClient(provider: provider).authorizationURL(redirectURI: "http://127.0.0.1:5/", pkce: PKCE())
    #expect(url.hasPrefix("https://accounts.google.com/o/oauth2/v2/auth?response_type=code&client_id=id&"))
    #expect(url.contains("&code_challenge_method=S256&access_type=offline&prompt=consent"))
  }

  @Test func anotherProviderIsGivenByItsEndpoints() throws {
    let config = try Config(
      toml: """
        [oauth2]
        provider = "fastmail"
        client_id = "id"
        authorize_url = "https://id.example/auth"
        token_url = "https://id.example/token"
        scopes = ["mail", "offline_access"]
        timeout = 5
        """, file: "c.toml")
    #expect(config.oauth2?.provider.deviceURL == nil && config.oauth2?.timeout == 5)
    #expect(config.oauth2?.provider.scopes == ["mail", "offline_access"])
  }

  @Test(arguments: [
    ("[oauth2]\nprovider = \"microsoft\"", "oauth2.client_id", "set to the app's client ID (see the README)"),
    (
      "[oauth2]\nclient_id = \"id\"\nscopes = [\"a\"]\ntoken_url = \"https://t\"", "oauth2.authorize_url",
      "an https:// URL (http:// only to 127.0.0.1), for a provider other than \"microsoft\" or \"google\""
    ),
    (
      "[oauth2]\nclient_id = \"id\"\nscopes = [\"a\"]\nauthorize_url = \"https://a\"\ntoken_url = \"http://id.example/t\"",
      "oauth2.token_url",
      "an https:// URL (http:// only to 127.0.0.1), for a provider other than \"microsoft\" or \"google\""
    ),
    (
      "[oauth2]\nprovider = \"google\"\nclient_id = \"id\"\nscopes = [\"two words\"]", "oauth2.scopes",
      "a list of scopes such as [\"https://mail.example/\"]"
    ),
    (
      "[oauth2]\nprovider = \"google\"\nclient_id = \"id\"\ntimeout = 0", "oauth2.timeout",
      "a number of seconds from 1 to 600"
    ),
  ])
  func mistakesNameTheKey(toml: String, key: String, expected: String) {
    #expect(throws: ConfigError.badValue(file: "c.toml", key: key, expected: expected)) {
      try Config(toml: toml, file: "c.toml")
    }
  }

  @Test func aTokenInTheConfigIsRefused() {
    #expect(throws: ConfigError.self) {
      try Config(toml: "[oauth2]\nprovider = \"google\"\nclient_id = \"id\"\nrefresh_token = \"x\"", file: "c.toml")
    }
  }
}
