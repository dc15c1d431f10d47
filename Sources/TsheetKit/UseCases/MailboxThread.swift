import Foundation
import TsheetCore
import TsheetMail
import TsheetStore

/// The client's thread as the mailbox holds it: their newest answer to a message of the sent ledger, replied to
/// (all) by the next email when it is newer than the last one sent.
struct MailboxThread {
  /// The reply-all to the answer, or nil when there is none to make (no answer, an older one, no mailbox).
  let reply: Reply?
  /// The lines to tell: who joined or left the client's people, or why the mailbox was left out.
  let notes: [String]

  /// Looks in `mailbox` for `client`'s answers to what `log` says went to them.
  init(of client: String, in mailbox: Mailbox?, store: any Store) {
    let history = try? store.read { log in (try log.sentMessages(to: client), try log.mailSettings(of: client)) }
    guard let mailbox, case (let sent, let people)? = history, let last = sent.first else {
      reply = nil
      notes = []
      return
    }
    let (found, warning) = mailbox.attempt("the email goes to the client's people as without [imap]") {
      try $0.answers(to: sent.prefix(Mailbox.maxIDs).map(\.messageID), limit: 1)
    }
    let lastSent = last.sentAt.flatMap { ISO8601DateFormatter().date(from: $0) } ?? .distantPast
    guard let answer = found?.max(by: { ($0.saved.date ?? .distantPast) < ($1.saved.date ?? .distantPast) }),
      (answer.saved.date ?? .distantPast) > lastSent
    else {
      reply = nil
      notes = warning.map { [$0] } ?? []
      return
    }
    let sender = answer.sender.escapingControlCharacters
    do {
      let reply = try Reply(to: answer.saved, leavingOut: mailbox.ownAddresses)
      self.reply = reply
      notes = [
        Self.note(
          client, replying: sender, in: answer.folder, now: reply.to + reply.cc,
          before: people.to + people.cc)
      ]
    } catch {
      reply = nil
      notes = [
        ("Warning: the answer from \(sender) in \(answer.folder) cannot be replied to (\(error)); the email "
          + "goes to \(client)'s people as without [imap].").escapingControlCharacters + "\n"
      ]
    }
  }

  /// `Thread (acme): replying to …'s answer in INBOX; joined: …; left: ….`
  static func note(
    _ client: String, replying sender: String, in folder: String, now: [MailAddress],
    before: [Recipient]
  ) -> String {
    let old = Set(before.map { $0.address.lowercased() })
    let new = Set(now.map { $0.address.lowercased() })
    let joined = now.filter { !old.contains($0.address.lowercased()) }.map(\.description)
    let left = before.filter { !new.contains($0.address.lowercased()) }.map(\.address)
    return
      ("Thread (\(client)): replying to \(sender)'s answer in \(folder)"
      + (joined.isEmpty ? "" : "; joined: " + joined.joined(separator: ", "))
      + (left.isEmpty ? "" : "; left: " + left.joined(separator: ", ")) + ".").escapingControlCharacters + "\n"
  }
}
