import Foundation
import TsheetCore

extension Terminal {
  /// Who is signed in, with which provider, until when the access token holds: never a token.
  package func mailLogin(_ status: MailLoginStatus) -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    let expiry = status.expiresAt.map { "until \(formatter.string(from: $0))" } ?? "for a time the provider did not say"
    return "Signed in to \(status.provider.echoed())"
      + (status.user.map { " as \($0.echoed())" } ?? "") + ".\n"
      + "The access token holds \(expiry); "
      + (status.keepsRefreshToken
        ? "a refresh token is kept, so tsheet renews it itself.\n"
        : "no refresh token is kept: sign in again when it runs out.\n")
  }
}
