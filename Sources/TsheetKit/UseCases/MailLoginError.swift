import TsheetCore
import TsheetMail

/// Why tsheet cannot sign in to the mail provider or get a token.
package enum MailLoginError: UserError, Equatable {
  /// The config has no `[oauth2]` table.
  case notConfigured
  /// Nobody signed in yet (or `mail logout` ran).
  case notSignedIn(provider: String)
  /// The stored sign-in is for another provider or app than `[oauth2]` names now.
  case otherProvider(signedIn: String, configured: String)
  /// The stored sign-in holds no refresh token and its access token has run out.
  case noRefreshToken(provider: String)
  /// The token file may be read by others.
  case exposed(path: String, mode: Int)
  case unreadable(path: String, reason: String)
  case unwritable(path: String, reason: String)
  /// Another tsheet held the token file's lock too long.
  case busy(path: String)
  /// `token_command` could not run, failed, or printed no token.
  case tokenCommand(section: String, command: String, problem: String, status: ExitStatus)
  /// The provider, or the browser step, said no.
  case provider(OAuthError)

  package var exitStatus: ExitStatus {
    switch self {
    case .notConfigured, .notSignedIn, .otherProvider, .noRefreshToken, .exposed: .config
    case .unreadable, .unwritable: .ioError
    case .busy: .tryAgain
    case .tokenCommand(_, _, _, let status): status
    case .provider(let error):
      switch error {
      case _ where error.isTemporary: .tryAgain
      case .insecureEndpoint, .noDeviceFlow: .config
      case .expired: .tryAgain
      default: .unavailable
      }
    }
  }

  package var description: String {
    switch self {
    case .notConfigured:
      "no [oauth2] table in the config; add provider and client_id (the README says how to register an app)."
    case .notSignedIn(let provider):
      "not signed in to \(provider.echoed()); run tsheet mail login."
    case .otherProvider(let signedIn, let configured):
      "the sign-in kept is for \(signedIn.echoed()), but [oauth2] names \(configured.echoed()) (or another app or token_url); "
        + "run tsheet mail login."
    case .noRefreshToken(let provider):
      "the sign-in to \(provider.echoed()) has run out and holds no refresh token; run tsheet mail login."
    case .exposed(let path, let mode):
      "the token file '\(path.echoed(limit: 120))' may be read by others (mode \(String(mode, radix: 8))); "
        + "run tsheet mail logout and sign in again."
    case .unreadable(let path, let reason):
      "cannot read the token file '\(path.echoed(limit: 120))' (\(reason.echoed())); run tsheet mail logout and sign in again."
    case .unwritable(let path, let reason):
      "cannot write '\(path.echoed(limit: 120))' (\(reason.echoed())); check the permissions of the folder."
    case .busy(let path):
      "another tsheet held '\(path.echoed(limit: 120))' for 90 seconds; try again later."
    case .tokenCommand(let section, let command, let problem, _):
      "the token command '\(command.echoed())' \(problem); check [\(section)] token_command."
    case .provider(let error):
      "\(error)."
    }
  }
}
