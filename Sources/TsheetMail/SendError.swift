import TsheetTLS

/// Why a message did not go out. Nothing was delivered when one is thrown (a server that accepted DATA has
/// taken the message; no error follows that).
package enum SendError: Error, Equatable, CustomStringConvertible {
  /// No connection could be made: refused, unknown host, unreachable.
  case connection(host: String, port: Int, reason: String)
  /// The server did not answer in time.
  case timeout(step: SMTPStep)
  /// The TLS handshake failed: a certificate not trusted or for another name, among the causes.
  case tls(TLSRefusal)
  /// The CA file `[smtp] ca_file` names cannot be read.
  case unreadableCAFile(path: String)
  /// The server offers no STARTTLS, which `security = "starttls"` requires.
  case noStartTLS(host: String)
  /// The server refused the user name or password.
  case authentication(reply: String)
  /// The password or token could not be had: its source's own error.
  case credentials(CredentialFailure)
  /// The server refused the OAuth2 token twice (before and after a refresh): the provider's error, if it said.
  case tokenRefused(mechanism: String, error: String?, reply: String)
  /// The server refused a recipient.
  case recipient(address: String, reply: String)
  /// The server refused a step of the conversation.
  case refused(step: SMTPStep, reply: String)
  /// The server closed the connection in the middle of a step.
  case closed(step: SMTPStep)
  /// The sendmail program could not be started.
  case programMissing(path: String)
  /// The sendmail program ended in failure.
  case program(path: String, status: Int32, output: String)

  /// Whether trying again later may work: timeouts, dropped connections, 4xx replies, and a sendmail program
  /// that says so with its exit status (sysexits' 75, EX_TEMPFAIL).
  package var isTemporary: Bool {
    switch self {
    case .connection, .timeout, .closed: true
    case .recipient(_, let reply), .refused(_, let reply): reply.hasPrefix("4")
    case .program(_, let status, _): status == 75
    case .tls, .unreadableCAFile, .noStartTLS, .authentication, .tokenRefused, .programMissing: false
    case .credentials(let failure): (failure.error as? OAuthError)?.isTemporary ?? false
    }
  }

  package var description: String {
    switch self {
    case .connection(let host, let port, let reason):
      "cannot connect to \(host):\(port): \(reason); check [smtp] host and port, or try again later"
    case .timeout(let step):
      "the mail server did not answer \(step) in time; try again later"
    case .tls(let refusal):
      switch refusal {
      case .nameMismatch: "TLS failed: \(refusal); set [smtp] host to a name it holds"
      case .untrusted:
        "TLS failed: \(refusal): no CA this machine trusts signed it, or it is out of date; "
          + "set [smtp] ca_file to the relay's CA"
      case .failed: "TLS failed: \(refusal); check [smtp] security and port"
      }
    case .unreadableCAFile(let path):
      "cannot read [smtp] ca_file '\(path)'; give the path of the relay's CA certificates (PEM)"
    case .noStartTLS(let host):
      "\(host) offers no STARTTLS; set [smtp] security = \"tls\" (port 465) if it speaks TLS from the start"
    case .authentication(let reply):
      "the mail server refused the user name or password (\(reply)); check [smtp] username and the password"
    case .credentials(let failure):
      "\(failure.error)"
    case .tokenRefused(let mechanism, let error, let reply):
      "the mail server refused the OAuth2 token (\(mechanism)\(error.map { ": \($0)" } ?? ""); \(reply.shown)) even "
        + "after a refresh; check [smtp] username, the app's permissions, or sign in again with tsheet mail login"
    case .recipient(let address, let reply) where reply.hasPrefix("4"):
      "the mail server put off the recipient \(address) (\(reply)); try again later"
    case .recipient(let address, let reply):
      "the mail server refused the recipient \(address) (\(reply)); fix it with tsheet clients set"
    case .refused(let step, let reply):
      "the mail server refused \(step) (\(reply))"
    case .closed(let step):
      "the mail server closed the connection during \(step); try again later"
    case .programMissing(let path):
      "cannot run the sendmail program '\(path)'; set [mail] sendmail_path to msmtp or sendmail"
    case .program(let path, let status, let output):
      "'\(path)' failed with status \(status)" + (output.isEmpty ? "" : ": \(output)")
    }
  }
}

/// A way to hand a message to the world.
package protocol MailTransport: Sendable {
  /// Delivers `message` to every recipient (To, Cc and Bcc).
  /// - Returns: what the server or program said on success, for the record.
  func send(_ message: MIMEMessage) async throws(SendError) -> String

  /// What sending `message` would do, without doing it: the envelope an SMTP server would be given, or the
  /// command line a sendmail program would be run with.
  func preview(_ message: MIMEMessage) -> String
}
