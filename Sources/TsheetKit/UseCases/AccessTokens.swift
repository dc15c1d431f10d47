import Foundation
import TsheetCore
import TsheetMail

/// OAuth2 access tokens for the mail servers: from the server's `token_command`, or from the sign-in
/// `tsheet mail login` keeps, refreshed shortly before it expires (a rotated refresh token is saved at once).
package struct AccessTokens: Sendable {
  let oauth: OAuthConfig?
  let file: LoginFile

  package init(_ context: Context) {
    oauth = context.config.oauth2
    file = LoginFile(folder: context.stateDirectory)
  }

  /// A bearer token for `server` (whose auth is `oauth2`); `refreshing` asks for a new one, after the server
  /// refused the last.
  /// - Throws: `MailLoginError` in the user's words: not signed in, a failed token command, a refused refresh.
  package func token(for server: MailServerConfig, refreshing: Bool) throws -> String {
    guard let command = server.tokenCommand else { return try storedToken(refreshing: refreshing) }
    func failure(_ problem: String, _ status: ExitStatus) -> MailLoginError {
      .tokenCommand(section: server.section, command: command, problem: problem, status: status)
    }
    let token: String
    do { token = try SecretCommand(command: command).firstLine() } catch {
      throw failure(error.description, error == .cannotStart ? .config : .unavailable)
    }
    guard TokenGrant.isToken(token) else { throw failure("printed something that is not a token", .config) }
    return token
  }

  /// The stored sign-in's access token, refreshed when it is about to run out or `refreshing`.
  func storedToken(refreshing: Bool) throws -> String {
    guard let oauth else { throw MailLoginError.notConfigured }
    return try file.locked {
      guard var login = try file.read() else { throw MailLoginError.notSignedIn(provider: oauth.provider.name) }
      guard login.isFrom(oauth.provider) else {
        throw MailLoginError.otherProvider(signedIn: login.provider, configured: oauth.provider.name)
      }
      if !refreshing, login.holds(at: Date()) { return login.accessToken }
      guard let refreshToken = login.refreshToken else {
        throw MailLoginError.noRefreshToken(provider: oauth.provider.name)
      }
      let grant: TokenGrant
      do throws(OAuthError) {
        grant = try OAuthClient(provider: oauth.provider, timeout: oauth.timeout).refresh(refreshToken)
      } catch {
        throw MailLoginError.provider(error)
      }
      login.update(with: grant, now: Date())
      try file.write(login)
      return login.accessToken
    }
  }
}
