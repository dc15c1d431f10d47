import CCurl
import Foundation

/// How tsheet proves who it is to an IMAP server.
package enum IMAPCredential: Sendable {
  case password(String)
  /// An OAuth2 access token: libcurl sends it with OAUTHBEARER when the server offers it, else XOAUTH2.
  case bearer(String)
}

/// Why the mailbox could not be read or written: one line, for a warning.
package struct IMAPError: Error, Sendable, CustomStringConvertible {
  package let description: String
  /// True when what the server sent outgrew the transfer's bound (a message over 1 MB, say): the mailbox works.
  package var isTooLarge = false

  package init(description: String) { self.description = description }
}

/// The user's mailbox over IMAP, through libcurl (one transfer per command: libcurl logs in, SELECTs and
/// parses the protocol; tsheet reads only SEARCH and LIST lines back). Every transfer shares one deadline, so
/// a mailbox that does not answer costs at most `seconds` in all.
package final class IMAPClient {
  private let base: String
  private let security: SMTPSecurity
  private let username: String
  private let credential: IMAPCredential
  private let caFile: String?
  private let deadline: Date

  package init(
    host: String, port: Int, security: SMTPSecurity, username: String, credential: IMAPCredential,
    caFile: String?, seconds: TimeInterval = 10
  ) {
    let name = host.contains(":") ? "[\(host)]" : host
    base = (security == .tls ? "imaps" : "imap") + "://\(name):\(port)/"
    self.security = security
    self.username = username
    self.credential = credential
    self.caFile = caFile
    deadline = Date().addingTimeInterval(seconds)
  }

  /// Every mailbox, with its special-use flags (LIST "" "*").
  package func mailboxes() throws(IMAPError) -> [IMAPResponses.Mailbox] {
    IMAPResponses.mailboxes(in: try run("", command: "LIST \"\" \"*\""))
  }

  /// The UIDs in `mailbox` of the messages that match `criteria` (IMAP SEARCH keys), oldest first.
  package func search(_ mailbox: String, _ criteria: String) throws(IMAPError) -> [Int] {
    IMAPResponses.searchUIDs(in: try run(Self.path(mailbox), command: "UID SEARCH " + criteria))
  }

  /// The whole message `uid` of `mailbox`, at most `limit` bytes.
  package func message(_ mailbox: String, uid: Int, limit: Int = 1 << 20) throws(IMAPError) -> [UInt8] {
    try run(Self.path(mailbox) + "/;UID=\(uid)", limit: limit)
  }

  /// Appends `bytes`, as they are, to `mailbox`, flagged as read (libcurl's APPEND sets \Seen).
  package func append(_ bytes: [UInt8], to mailbox: String) throws(IMAPError) {
    _ = try run(Self.path(mailbox), upload: bytes)
  }

  /// One transfer of `path` under the server's URL.
  private func run(
    _ path: String, command: String? = nil, upload: [UInt8]? = nil,
    limit: Int = 4 << 20
  ) throws(IMAPError) -> [UInt8] {
    let left = Int(deadline.timeIntervalSinceNow.rounded(.up))
    guard left > 0 else { throw IMAPError(description: "the mailbox did not answer in time") }
    do {
      let transfer = try CurlTransfer(
        url: base + path, protocols: security == .tls ? "imaps" : "imap",
        timeout: left, limit: limit)
      if security == .starttls { try transfer.set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)) }
      if let caFile { try transfer.set(CURLOPT_CAINFO, caFile) }
      try transfer.set(CURLOPT_USERNAME, username)
      switch credential {
      case .password(let password):
        try transfer.set(CURLOPT_PASSWORD, password)
      case .bearer(let token):
        try transfer.set(CURLOPT_XOAUTH2_BEARER, token)
      }
      if let command { try transfer.set(CURLOPT_CUSTOMREQUEST, command) }
      if let upload { try transfer.upload(upload) }
      return try transfer.perform().body
    } catch {
      var failure = IMAPError(description: error.timedOut ? "the mailbox did not answer in time" : error.message)
      failure.isTooLarge = error.code == Int(CURLE_FILESIZE_EXCEEDED.rawValue)
      throw failure
    }
  }

  /// A mailbox's name as a URL path: percent-encoded but for letters, digits and `-._~`.
  static func path(_ mailbox: String) -> String {
    let kept = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
    return mailbox.addingPercentEncoding(withAllowedCharacters: kept) ?? mailbox
  }
}
