import Foundation
import TsheetMail

/// How emails leave this machine, as the config says: the transport, with the password or token fetched only
/// when the conversation reaches AUTH (after the never-twice check has let the send through), and never kept.
struct Transports: Sendable {
  let config: Config
  /// The environment, for the variable `[smtp] password_env` names.
  let environment: [String: String]
  let tokens: AccessTokens

  init(_ context: Context) {
    config = context.config
    environment = context.environment
    tokens = AccessTokens(context)
  }

  /// The transport the config names; one only to preview a send asks for no password.
  func transport(forPreview: Bool) throws -> any MailTransport {
    switch config.transport {
    case .sendmail:
      return SendmailTransport(path: config.sendmailPath)
    case .smtp:
      guard let smtp = config.smtp else { throw SendRefusal.noSMTP }
      var credentials: (@Sendable (Bool) throws -> SMTPCredential)?
      if smtp.username != nil, !forPreview {
        credentials = { @Sendable renewed in try credential(for: smtp, renewed: renewed) }
      }
      return SMTPTransport(
        settings: SMTPSettings(
          host: smtp.host, port: smtp.port, security: smtp.security,
          username: smtp.username, credentials: credentials,
          caFile: smtp.caFile))
    }
  }

  /// The password or token for `smtp`; `renewed` asks for a new token after the server refused one.
  private func credential(for smtp: MailServerConfig, renewed: Bool) throws -> SMTPCredential {
    switch smtp.auth {
    case .oauth2: return .token(try tokens.token(for: smtp, refreshing: renewed))
    case .password: return .password(try password(for: smtp))
    }
  }

  /// The SMTP password, from `password_command`'s first line of output or from the variable `password_env`.
  func password(for smtp: MailServerConfig) throws -> String {
    if let command = smtp.passwordCommand {
      do { return try SecretCommand(command: command).firstLine() } catch {
        throw SendRefusal.passwordCommandFailed(command: command, problem: error.description)
      }
    }
    let variable = smtp.passwordEnv ?? "TSHEET_SMTP_PASSWORD"
    guard let password = environment[variable], !password.isEmpty else {
      throw SendRefusal.noPassword(variable: variable)
    }
    return password
  }
}
