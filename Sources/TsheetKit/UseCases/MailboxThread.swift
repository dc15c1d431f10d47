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

  /// Looks in `mailbox` for `client`'s answers to what `log` says went to them. An answer dated after `now` counts
  /// as written now, so that a wrong clock cannot keep it newer than every email sent after it.
  init(of client: String, in mailbox: Mailbox?, store: any Store, now: Date = Date()) {
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
    func written(_ answer: MailboxMessage) -> Date { min(answer.saved.date ?? .distantPast, now) }
    guard let answer = found?.max(by: { written($0) < written($1) }), written(answer) > lastSent else {
      reply = nil
      notes = warning.map { [$0] } ?? []
      return
    }
    (reply, notes) = Self.replying(to: answer, of: client, people: people.to + people.cc, own: mailbox.ownAddresses)
  }

  /// The reply-all to `answer` that `client`'s `people` vouch for, and the line telling it. Whoever knows a
  /// Message-ID of the thread can write an "answer": it is replied to only when its sender is one of the
  /// client's people, and only people at their domains join; anyone else is named, not added.
  static func replying(to answer: MailboxMessage, of client: String, people: [Recipient], own: Set<String>)
    -> (Reply?, [String])
  {
    let sender = answer.sender.escapingControlCharacters
    let fallback = "the email goes to \(client)'s people as without [imap]"
    func warning(_ problem: String) -> [String] {
      [
        "Warning: the answer from \(sender) in \(answer.folder) \(problem); \(fallback).".escapingControlCharacters
          + "\n"
      ]
    }
    let known = Set(people.map { $0.address.lowercased() })
    let from = (try? answer.saved.addresses("From"))?.first?.address.lowercased()
    guard let from, known.contains(from) else {
      return (nil, warning("is not from \(client)'s people (to reply to it, save it and pass --reply-to FILE)"))
    }
    let reply: Reply
    do { reply = try Reply(to: answer.saved, leavingOut: own) } catch {
      return (nil, warning("cannot be replied to (\(error))"))
    }
    let domains = Set(known.map(Self.domain))
    let (kept, strangers) = reply.keepingPeople { domains.contains(Self.domain($0.address)) }
    guard !kept.to.isEmpty else { return (nil, warning("names none of \(client)'s people but you")) }
    return (
      kept,
      [
        note(
          client, replying: sender, in: answer.folder, now: kept.to + kept.cc, before: people,
          notAdded: strangers)
      ]
    )
  }

  /// The part of `address` after its last `@`, lowercased.
  static func domain(_ address: String) -> String {
    address.split(separator: "@").last.map { $0.lowercased() } ?? ""
  }

  /// `Thread (acme): replying to …'s answer in INBOX; joined: …; left: …; not added, as not at the client's
  /// domains: ….`
  static func note(
    _ client: String, replying sender: String, in folder: String, now: [MailAddress],
    before: [Recipient], notAdded: [MailAddress] = []
  ) -> String {
    let old = Set(before.map { $0.address.lowercased() })
    let new = Set(now.map { $0.address.lowercased() })
    let joined = now.filter { !old.contains($0.address.lowercased()) }.map(\.description)
    let left = before.filter { !new.contains($0.address.lowercased()) }.map(\.address)
    return
      ("Thread (\(client)): replying to \(sender)'s answer in \(folder)"
      + (joined.isEmpty ? "" : "; joined: " + joined.joined(separator: ", "))
      + (left.isEmpty ? "" : "; left: " + left.joined(separator: ", "))
      + (notAdded.isEmpty
        ? ""
        : "; not added, as not at the client's domains: " + notAdded.map(\.description).joined(separator: ", ")
          + " (tsheet clients set adds people)")
      + ".").escapingControlCharacters + "\n"
  }
}
