import Foundation

/// An RFC 5322 message with a text and an HTML alternative, in UTF-8, ready to write as `.eml` or to send.
///
/// Every header value is made safe: line breaks inside a value become spaces, so nothing a user typed can
/// start a header of its own; non-ASCII text goes into RFC 2047 encoded words; long headers are folded.
package struct MIMEMessage: Sendable {
  package var from: MailAddress
  package var to: [MailAddress]
  package var cc: [MailAddress] = []
  /// Receives the message but appears in no header.
  package var bcc: [MailAddress] = []
  package var subject: String
  package var date: Date
  /// The time zone the `Date` header is written in.
  package var timeZone: TimeZone = .current
  /// With its angle brackets: `<...@consult.es>`.
  package var messageID: String
  package var inReplyTo: String?
  package var references: [String] = []
  package var text: String
  package var html: String
  /// The multipart boundary; any text that cannot occur in a quoted-printable body.
  package var boundary: String
  /// Written as a draft to open and send (`X-Unsent: 1`, which Outlook reads): never set on a message sent.
  package var isDraft = false

  package init(
    from: MailAddress, to: [MailAddress], subject: String, date: Date, messageID: String,
    text: String, html: String, boundary: String? = nil
  ) {
    self.from = from
    self.to = to
    self.subject = subject
    self.date = date
    self.messageID = messageID
    self.text = text
    self.html = html
    self.boundary = boundary ?? "=_tsheet_" + UUID().uuidString.replacing("-", with: "")
  }

  /// Every address the message goes to: To, Cc and Bcc, each once.
  package var recipients: [MailAddress] {
    var seen = Set<String>()
    return (to + cc + bcc).filter { seen.insert($0.address.lowercased()).inserted }
  }

  /// The whole message with CRLF line breaks; no line is longer than 998 octets.
  package var rendered: String {
    var headers: [(String, String)] = isDraft ? [("X-Unsent", "1")] : []
    headers.append(("From", from.headerValue))
    if !to.isEmpty { headers.append(("To", to.map(\.headerValue).joined(separator: ", "))) }
    if !cc.isEmpty { headers.append(("Cc", cc.map(\.headerValue).joined(separator: ", "))) }
    headers.append(("Subject", MIMEMessage.headerText(subject)))
    headers.append(("Date", MIMEMessage.rfc5322Date(date, in: timeZone)))
    headers.append(("Message-ID", messageID))
    if let inReplyTo { headers.append(("In-Reply-To", inReplyTo)) }
    if !references.isEmpty { headers.append(("References", references.joined(separator: " "))) }
    headers.append(("MIME-Version", "1.0"))
    headers.append(("Content-Type", "multipart/alternative; boundary=\"\(boundary)\""))
    var lines = headers.map { MIMEMessage.fold($0.0 + ": " + MIMEMessage.singleLine($0.1)) }
    lines.append("")
    lines.append("This is a message in MIME format: a text part and an HTML part.")
    for (type, body) in [("text/plain", text), ("text/html", html)] {
      lines.append("--\(boundary)")
      lines.append("Content-Type: \(type); charset=utf-8")
      lines.append("Content-Transfer-Encoding: quoted-printable")
      lines.append("")
      lines.append(QuotedPrintable.encode(body))
    }
    lines.append("--\(boundary)--")
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// A header value with its line breaks turned into spaces.
  static func singleLine(_ value: String) -> String {
    value.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
      .joined(separator: " ")
  }

  /// Unstructured header text: as it is when printable ASCII in words that fold, else RFC 2047 encoded
  /// words (which can be cut anywhere between characters, so that no line grows past 76).
  static func headerText(_ text: String) -> String {
    let text = singleLine(text)
    let plain =
      text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F })
      && !text.split(separator: " ").contains { $0.utf8.count > 66 } && !text.contains("=?")
    return plain ? text : EncodedWord.encode(text)
  }

  /// Folds a header line at spaces after its first word, continuation lines starting with a space: lines
  /// stay within 78 characters (RFC 5322), or 76 where they hold encoded words (RFC 2047), unless a single
  /// word is longer.
  static func fold(_ line: String) -> String {
    let limit = line.contains("=?") ? 76 : 78
    guard line.utf8.count > limit else { return line }
    var folded: [String] = []
    var current = ""
    for word in line.split(separator: " ", omittingEmptySubsequences: false) {
      if current.contains(" "), current.utf8.count + 1 + word.utf8.count > limit {
        folded.append(current)
        current = " " + word
      } else {
        current += current.isEmpty ? String(word) : " " + word
      }
    }
    folded.append(current)
    return folded.joined(separator: "\r\n")
  }

  /// `Mon, 23 Nov 2026 09:00:00 +0100`.
  static func rfc5322Date(_ date: Date, in timeZone: TimeZone) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    return formatter.string(from: date)
  }

  /// A new, globally unique Message-ID in the sender's domain.
  package static func newMessageID(from sender: MailAddress, date: Date) -> String {
    let domain = sender.address.split(separator: "@").last.map(String.init) ?? "tsheet.invalid"
    let random = UUID().uuidString.replacing("-", with: "").prefix(16).lowercased()
    return "<tsheet.\(Int(date.timeIntervalSince1970)).\(random)@\(domain)>"
  }

  /// The References of a reply to a message with `messageID` and `references`: the parent's chain and the
  /// parent, trimmed to its first and last nine ids as RFC 5322 allows.
  package static func references(replyingTo messageID: String, references: [String]) -> [String] {
    let chain = references + [messageID]
    return chain.count <= 10 ? chain : [chain[0]] + chain.suffix(9)
  }
}
