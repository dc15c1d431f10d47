/// A step of the conversation with an SMTP server, as an error names it ("did not answer EHLO in time").
package enum SMTPStep: Sendable, Equatable, CustomStringConvertible {
  case greeting, startTLS, ehlo, auth, mailFrom, rcptTo, data, endOfData, message, quit
  /// No step in particular: the connection closed between two.
  case conversation

  package var description: String {
    switch self {
    case .greeting: "the greeting"
    case .startTLS: "STARTTLS"
    case .ehlo: "EHLO"
    case .auth: "AUTH"
    case .mailFrom: "MAIL FROM"
    case .rcptTo: "RCPT TO"
    case .data: "DATA"
    case .endOfData: "the end of DATA"
    case .message: "the message"
    case .quit: "QUIT"
    case .conversation: "the conversation"
    }
  }
}
