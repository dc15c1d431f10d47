import Foundation
import TsheetCore
import TsheetMail

/// A message of a client's thread found in the mailbox: one that answers a message of the sent ledger.
struct MailboxMessage {
  let saved: SavedMessage
  let text: String
  let folder: String
  /// Who wrote it, as people read it.
  var sender: String { (try? saved.addresses("From"))?.first?.description ?? "someone" }
}

/// The user's mailbox as `[imap]` names it: the clients' answers read from it, sent mail filed in it. The
/// mailbox is never needed: the first failure is told in one warning line and the rest of the run goes on
/// without it, as without `[imap]`.
final class Mailbox {
  let config: IMAPConfig
  private let context: Context
  /// Whether a failure was told already: the mailbox is left alone from then on.
  private var isDown = false
  /// How long each use of the mailbox may take in all.
  static let seconds: TimeInterval = 10
  /// At most this many ledger ids go into one SEARCH.
  static let maxIDs = 10

  /// The mailbox of `context`'s config; nil without `[imap]`.
  init?(_ context: Context) {
    guard let config = context.config.imap else { return nil }
    self.config = config
    self.context = context
  }

  /// The user's own addresses, left out of a reply-all: `[mail] from` and the mailbox's login.
  var ownAddresses: Set<String> {
    Set(
      [context.config.mailFrom?.address, config.server.username].compactMap { $0?.lowercased() }
        .filter { $0.contains("@") })
  }

  /// The messages in INBOX and the config's folders whose References or In-Reply-To holds one of `ids` (ours
  /// left out), oldest first in each folder: at most `limit` a folder, the newest. The ids are searched for
  /// `maxIDs` at a time, on one connection within one deadline. Fails with one line.
  func answers(to ids: [String], limit: Int) throws(IMAPError) -> [MailboxMessage] {
    let ids = ids.filter(SavedMessage.isMessageID)
    guard !ids.isEmpty else { return [] }
    let client = try open()
    var found: [MailboxMessage] = []
    for folder in ["INBOX"] + config.folders.filter({ $0.uppercased() != "INBOX" }) {
      var uids = Set<Int>()
      for start in stride(from: 0, to: ids.count, by: Self.maxIDs) {
        let slice = Array(ids[start..<min(start + Self.maxIDs, ids.count)])
        uids.formUnion(try client.search(folder, Self.criteria(referringTo: slice)))
      }
      for uid in uids.sorted().suffix(limit) {
        let bytes: [UInt8]
        do { bytes = try client.message(folder, uid: uid) } catch  where error.isTooLarge { continue }  // no answer
        let text = String(decoding: bytes, as: UTF8.self)
        guard let saved = try? SavedMessage(parsing: text), Self.answers(saved, oneOf: ids) else { continue }
        found.append(MailboxMessage(saved: saved, text: text, folder: folder))
      }
    }
    return found
  }

  /// Files `bytes`, a message just sent, in the Sent folder (flagged `\Sent` by the server, else
  /// `sent_folder`) as read; nothing when `save_sent` says the provider does it.
  func fileSent(_ bytes: [UInt8]) throws(IMAPError) {
    guard config.appendsSent else { return }
    let client = try open()
    let flagged = try client.mailboxes().first { $0.flags.contains("\\sent") }?.name
    guard let folder = flagged ?? config.sentFolder else {
      throw IMAPError(description: "the server flags no folder \\Sent; set [imap] sent_folder")
    }
    try client.append(bytes, to: folder)
  }

  /// Runs `work` on the mailbox unless it failed earlier in the run; the first failure becomes the one
  /// warning line returned (nil on success, and on every later call).
  func attempt<T>(_ what: String, _ work: (Mailbox) throws -> T) -> (T?, warning: String?) {
    guard !isDown else { return (nil, nil) }
    do { return (try work(self), nil) } catch {
      isDown = true
      return (
        nil,
        "Warning: the mailbox \(config.server.host) could not be read (\(error)); \(what)."
          .escapingControlCharacters + "\n"
      )
    }
  }

  /// A client for the mailbox, with the password or token fetched now.
  private func open() throws(IMAPError) -> IMAPClient {
    let server = config.server
    return IMAPClient(
      host: server.host, port: server.port, security: server.security,
      username: server.username ?? "", credential: try credential(), caFile: server.caFile,
      seconds: Self.seconds)
  }

  /// The password, from `password_command` or `password_env` (default `TSHEET_IMAP_PASSWORD`), or for
  /// `auth = "oauth2"` the token.
  private func credential() throws(IMAPError) -> IMAPCredential {
    let transports = Transports(context)
    var server = config.server
    do {
      switch server.auth {
      case .password:
        if server.passwordCommand == nil, server.passwordEnv == nil { server.passwordEnv = "TSHEET_IMAP_PASSWORD" }
        return .password(try transports.password(for: server))
      case .oauth2:
        return .bearer(try transports.tokens.token(for: server, refreshing: false))
      }
    } catch let error as IMAPError {
      throw error
    } catch let error as MailLoginError {
      throw IMAPError(description: "\(error)")
    } catch SendRefusal.noPassword(let variable) {
      throw IMAPError(description: "its password is not set; export \(variable)=… or set [imap] password_command")
    } catch {
      throw IMAPError(description: "the command of [imap] failed; check password_command or token_command")
    }
  }

  /// Whether `saved` answers one of `ids`: one of them is a whole id of its References or In-Reply-To (the
  /// server's SEARCH matches any part of a header, in any case), and it is not one of them itself.
  static func answers(_ saved: SavedMessage, oneOf ids: [String]) -> Bool {
    let parents = Set(saved.messageIDs("References") + saved.messageIDs("In-Reply-To"))
    return ids.contains(where: parents.contains) && !ids.contains(where: saved.messageIDs("Message-ID").contains)
  }

  /// The SEARCH keys of the messages whose References or In-Reply-To holds one of `ids`.
  static func criteria(referringTo ids: [String]) -> String {
    let keys = ids.map { "OR HEADER References \"\($0)\" HEADER In-Reply-To \"\($0)\"" }
    return keys.dropLast().reversed().reduce(keys[keys.count - 1]) { "OR (\($1)) (\($0))" }
  }
}
