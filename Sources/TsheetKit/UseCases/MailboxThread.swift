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

  /// Looks in `mailbox` for `client`'s answers to what `log` says went to them, and replies to the newest one
  /// written after the last email that the client's people vouch for (see `ThreadTrust`).
  init(of client: String, in mailbox: Mailbox?, store: any Store, now: Date = Date()) {
    let history = try? store.read { log in (try log.sentMessages(to: client), try log.mailSettings(of: client)) }
    guard let mailbox, case (let sent, let settings)? = history, let last = sent.first else {
      reply = nil
      notes = []
      return
    }
    let (found, warning) = mailbox.attempt("the email goes to the client's people as without [imap]") {
      try $0.answers(to: sent.prefix(Mailbox.maxIDs).map(\.messageID), limit: Self.answersRead)
    }
    let lastSent = last.sentAt.flatMap { ISO8601DateFormatter().date(from: $0) } ?? .distantPast
    let dated = (found ?? []).map { (answer: $0, date: ThreadTrust.written($0.saved, now: now)) }
    let newer = dated.compactMap { item in item.date.map { (answer: item.answer, date: $0) } }
      .filter { $0.date > lastSent }.sorted { $0.date > $1.date }
    let people = settings.to + settings.cc
    let attempts = newer.map { Self.replying(to: $0.answer, of: client, people: people, own: mailbox.ownAddresses) }
    let future = dated.first { $0.date == nil }.map {
      Self.warning($0.answer, "is dated more than a day ahead and is left out", client: client)
    }
    let made = attempts.first { $0.0 != nil } ?? attempts.first ?? (nil, warning.map { [$0] } ?? [])
    (reply, notes) = (made.0, (future.map { [$0] } ?? []) + made.1)
  }

  /// How many of the newest answers in each folder are read: a stranger's newer message must not hide the
  /// client's.
  static let answersRead = 5

  /// The reply-all to `answer` that `client`'s `people` vouch for, and the line telling it: replied to only when
  /// `ThreadTrust` believes it comes from one of them; only people at their domains join, and nobody of theirs
  /// is dropped; anyone else is named, not added.
  static func replying(to answer: MailboxMessage, of client: String, people: [Recipient], own: Set<String>)
    -> (Reply?, [String])
  {
    if let doubt = ThreadTrust.doubt(answer.saved, people: people) {
      return (nil, [warning(answer, doubt + " (to reply to it, save it and pass --reply-to FILE)", client: client)])
    }
    let reply: Reply
    do { reply = try Reply(to: answer.saved, leavingOut: own) } catch {
      return (nil, [warning(answer, "cannot be replied to (\(error))", client: client)])
    }
    let known = Set(people.map { $0.address.lowercased() })
    let domains = ThreadTrust.domains(of: people)
    var (kept, strangers) = reply.keepingPeople {
      known.contains($0.address.lowercased()) || domains.contains(ThreadTrust.domain($0.address))
    }
    let missing = kept.adding(people.filter { !own.contains($0.address.lowercased()) })
    guard !kept.to.isEmpty else {
      return (nil, [warning(answer, "names none of \(client)'s people but you", client: client)])
    }
    let sender = answer.sender.escapingControlCharacters
    let line = note(
      client, replying: sender, in: answer.folder, now: kept.to + kept.cc, before: people, notAdded: strangers,
      kept: missing)
    return (kept, [line])
  }

  /// `Warning: the answer from … in INBOX <problem>; the email goes to acme's people as without [imap].`
  static func warning(_ answer: MailboxMessage, _ problem: String, client: String) -> String {
    ("Warning: the answer from \(answer.sender) in \(answer.folder) \(problem); the email goes to \(client)'s "
      + "people as without [imap].").escapingControlCharacters + "\n"
  }

  /// `Thread (acme): replying to …'s answer in INBOX; joined: …; kept, not on the answer: …; not added, as not
  /// at the client's domains: ….` People are named by address alone: a display name can look like anything.
  static func note(
    _ client: String, replying sender: String, in folder: String, now: [MailAddress],
    before: [Recipient], notAdded: [MailAddress] = [], kept: [String] = []
  ) -> String {
    let old = Set(before.map { $0.address.lowercased() })
    let joined = now.filter { !old.contains($0.address.lowercased()) }.map(\.address)
    return
      ("Thread (\(client)): replying to \(sender)'s answer in \(folder)"
      + (joined.isEmpty ? "" : "; joined: " + joined.joined(separator: ", "))
      + (kept.isEmpty ? "" : "; kept, not on the answer: " + kept.joined(separator: ", "))
      + (notAdded.isEmpty
        ? ""
        : "; not added, as not at the client's domains: " + notAdded.map(\.address).joined(separator: ", ")
          + " (tsheet clients set adds people)")
      + ".").escapingControlCharacters + "\n"
  }
}
