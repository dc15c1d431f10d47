import Foundation
import TsheetMail

/// Who is signed in to the mail provider, without the tokens.
package struct MailLoginStatus: Sendable, Equatable {
  package let provider: String
  /// The address the id_token named, else the `[smtp]` user name.
  package let user: String?
  /// When the access token stops holding; nil when unknown.
  package let expiresAt: Date?
  package let keepsRefreshToken: Bool
}

/// Signing in to the OAuth2 provider `[oauth2]` names (`tsheet mail login`, `status`, `logout`).
package struct MailLogin {
  let context: Context
  let file: LoginFile
  /// How long the browser step may take.
  static let browserDeadline = 300

  package init(_ context: Context) {
    self.context = context
    file = LoginFile(folder: context.stateDirectory)
  }

  /// Signs in with the authorization code flow (PKCE S256, a loopback redirect, the browser `$BROWSER` or
  /// xdg-open names, the page's address given to `say` in any case) or, when `device`, the device flow.
  /// When the method returns, the token file holds the new sign-in; a failed sign-in leaves the old one.
  package func signIn(device: Bool, say: (String) -> Void) throws -> MailLoginStatus {
    guard let oauth = context.config.oauth2 else { throw MailLoginError.notConfigured }
    let client = OAuthClient(provider: oauth.provider, timeout: oauth.timeout)
    let grant: TokenGrant
    do {
      if device {
        let code = try client.startDeviceSignIn()
        say(
          "To sign in, open \(code.verificationURI) and enter the code \(code.userCode) "
            + "(within \(code.expiresIn / 60) minutes).")
        grant = try client.finishDeviceSignIn(code)
      } else {
        let pkce = PKCE()
        let redirect = try LoopbackRedirect(state: pkce.state)
        let redirectURI = "http://\(oauth.provider.redirectHost):\(redirect.port)/"
        let url = client.authorizationURL(redirectURI: redirectURI, pkce: pkce)
        say("Sign in on this page (tsheet waits \(Self.browserDeadline / 60) minutes):\n  \(url)")
        openBrowser(url)
        let code = try redirect.query(within: Self.browserDeadline).code(expecting: pkce.state)
        grant = try client.exchange(code: code, redirectURI: redirectURI, pkce: pkce)
      }
    } catch {
      throw MailLoginError.provider(error)
    }
    let login = StoredLogin(provider: oauth.provider, grant: grant, now: Date())
    try file.locked { try file.write(login) }
    return status(of: login)
  }

  /// The stored sign-in; nil when nobody is signed in.
  package func status() throws -> MailLoginStatus? {
    try file.read().map(status(of:))
  }

  /// Forgets the stored sign-in (the provider keeps its grant until it expires or is revoked there).
  /// - Returns: false when nobody was signed in.
  package func signOut() throws -> Bool {
    try file.locked { try file.remove() }
  }

  private func status(of login: StoredLogin) -> MailLoginStatus {
    MailLoginStatus(
      provider: login.provider, user: login.email ?? context.config.smtp?.username,
      expiresAt: login.expiresAt.map(Date.init(timeIntervalSince1970:)),
      keepsRefreshToken: login.refreshToken != nil)
  }

  /// Opens `url` in `$BROWSER` (its first program), else xdg-open on a desktop; without either the user
  /// opens the printed address. tsheet does not wait for the browser.
  private func openBrowser(_ url: String) {
    let environment = context.environment
    let named = environment["BROWSER"]?.split(separator: ":").first.map(String.init)
    let desktop = environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil
    guard let program = named ?? (desktop ? "xdg-open" : nil) else { return }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program, url]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try? process.run()
  }
}
