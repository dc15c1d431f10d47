import Foundation

extension SMTPSession {
  /// AUTH with what `credentials` gives: PLAIN (or LOGIN) for a password; for a token OAUTHBEARER (RFC 7628)
  /// or XOAUTH2, whichever the server offers (OAUTHBEARER first). A refused token is renewed once and tried
  /// again on the same connection.
  func authenticate(
    _ username: String, credentials: @Sendable (Bool) throws -> SMTPCredential,
    extensions: [String]
  ) async throws(SendError) {
    let mechanisms =
      extensions.first { $0.uppercased().hasPrefix("AUTH") }?.uppercased()
      .split(separator: " ").dropFirst().map(String.init) ?? []
    switch try Self.credential(credentials, renewed: false) {
    case .password(let password):
      try await authenticate(username, password: password, mechanisms: mechanisms)
    case .token(let token):
      guard let mechanism = ["OAUTHBEARER", "XOAUTH2"].first(where: { mechanisms.contains($0) }) else {
        throw .refused(
          step: .auth,
          reply: "it offers no OAUTHBEARER or XOAUTH2, only "
            + (mechanisms.isEmpty ? "no AUTH at all" : mechanisms.joined(separator: " ")))
      }
      guard let refusal = try await bearer(mechanism, username, token) else { return }
      guard case .token(let renewed) = try Self.credential(credentials, renewed: true) else {
        throw .tokenRefused(mechanism: mechanism, error: refusal.error, reply: refusal.reply)
      }
      guard let again = try await bearer(mechanism, username, renewed) else { return }
      throw .tokenRefused(mechanism: mechanism, error: again.error ?? refusal.error, reply: again.reply)
    }
  }

  private static func credential(
    _ credentials: @Sendable (Bool) throws -> SMTPCredential,
    renewed: Bool
  ) throws(SendError) -> SMTPCredential {
    do { return try credentials(renewed) } catch { throw .credentials(CredentialFailure(error)) }
  }

  private func authenticate(_ username: String, password: String, mechanisms: [String]) async throws(SendError) {
    let reply: SMTPReply
    let plain = Self.base64("\0\(username)\0\(password)")
    if mechanisms.contains("PLAIN") || !mechanisms.contains("LOGIN") {
      reply = try await send("AUTH PLAIN " + plain, step: .auth)
    } else {
      try await command("AUTH LOGIN", expect: 334, step: .auth)
      try await command(Self.base64(username), expect: 334, step: .auth)
      reply = try await send(Self.base64(password), step: .auth)
    }
    guard reply.code == 235 else {
      throw .authentication(reply: reply.text(hiding: [plain, Self.base64(password), password]))
    }
  }

  /// One bearer AUTH; nil when the server accepts the token, else its error (from the challenge) and reply.
  private func bearer(
    _ mechanism: String, _ username: String,
    _ token: String
  ) async throws(SendError) -> (error: String?, reply: String)? {
    let response =
      mechanism == "XOAUTH2"
      ? "user=\(username)\u{1}auth=Bearer \(token)\u{1}\u{1}"
      : "n,a=\(Self.saslName(username)),\u{1}host=\(settings.host)\u{1}port=\(settings.port)\u{1}auth=Bearer \(token)\u{1}\u{1}"
    let secrets = [Self.base64(response), token]
    var reply = try await send("AUTH \(mechanism) " + Self.base64(response), step: .auth)
    if reply.code == 235 { return nil }
    var error: String?
    if reply.code == 334 {  // the error challenge; the client ends the exchange (RFC 7628 §3.2.3)
      error = SASLErrorChallenge(base64: reply.lines.first ?? "").summary
      reply = try await send(mechanism == "XOAUTH2" ? "" : Self.base64("\u{1}"), step: .auth)
    }
    if reply.code / 100 == 4 { throw .refused(step: .auth, reply: reply.text(hiding: secrets)) }
    return (error, reply.text(hiding: secrets))
  }

  /// A SASL name (RFC 5801): `,` and `=` escaped.
  static func saslName(_ name: String) -> String {
    name.replacingOccurrences(of: "=", with: "=3D").replacingOccurrences(of: ",", with: "=2C")
  }

  static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
}

/// The JSON a server sends as the challenge after refusing a bearer token (RFC 7628 §3.2.2), such as
/// `{"status":"invalid_token","scope":"…"}` (Gmail says `"status":"401"`).
package struct SASLErrorChallenge: Sendable, Equatable {
  package let status: String?, scope: String?

  package init(base64: String) {
    let json =
      Data(base64Encoded: base64.trimmingCharacters(in: .whitespaces))
      .flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any]
    func text(_ key: String) -> String? {
      switch json?[key] {
      case let text as String: text.isEmpty ? nil : text.shown
      case let number as NSNumber: number.stringValue
      default: nil
      }
    }
    status = text("status")
    scope = text("scope")
  }

  /// `invalid_token (scope https://…)`, or nil when the server said nothing readable.
  package var summary: String? {
    status.map { status in scope.map { "\(status) (scope \($0))" } ?? status }
  }
}

/// A failure to get the password or token, kept as the error its source threw (for the user's one line).
package struct CredentialFailure: Error, Equatable, @unchecked Sendable {
  package let error: any Error

  init(_ error: any Error) { self.error = error }

  package static func == (lhs: CredentialFailure, rhs: CredentialFailure) -> Bool {
    "\(lhs.error)" == "\(rhs.error)"
  }
}
