import Foundation
import TsheetCore
import TsheetMail
import TsheetStore

/// A client's answer to a timesheet sent, as `tsheet replies` lists it.
package struct ClientAnswer: Sendable {
  package let client: String
  /// Who wrote it, as people read it.
  package let sender: String
  package let date: Date?
  /// The first words of its text, quoted lines left out.
  package let words: String
  /// Why it may not come from the client's people (see `ThreadTrust`), or nil.
  package let doubt: String?
}

/// Why the clients' answers cannot be read.
package enum RepliesError: UserError, Equatable {
  case noMailbox
  case unreachable(String)

  package var exitStatus: ExitStatus { self == .noMailbox ? .config : .unavailable }

  package var description: String {
    switch self {
    case .noMailbox: "no mailbox; set [imap] host and username in the config file."
    case .unreachable(let problem): "the mailbox could not be read (\(problem)); check [imap] and try again."
    }
  }
}

/// The clients' answers to the timesheets sent, read from the mailbox: what `tsheet replies` shows.
package struct Replies: UseCase {
  let context: Context
  let store: any Store
  /// At most this many answers are read.
  static let limit = 50

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
  }

  /// The answers to the messages sent to `client` (every client when nil) for a period that meets `week`
  /// (any when nil; the newest 100 messages at most), oldest first, at most `limit` a folder.
  package func answers(week: String?, client: String?) throws -> [ClientAnswer] {
    guard let mailbox = Mailbox(context) else { throw RepliesError.noMailbox }
    let weekRange = try week.map {
      try RangeWord.week(parsing: $0, today: context.today, startingOn: context.config.weekStart)
    }
    let sent = try store.read { try $0.sentMessages(to: client) }.filter { message in
      weekRange.map { message.period.first <= $0.last && message.period.last >= $0.first } ?? true
    }
    var clients: [String: String] = [:]
    for message in sent { clients[message.messageID] = message.client }
    let found: [MailboxMessage]
    do { found = try mailbox.answers(to: sent.prefix(100).map(\.messageID), limit: Self.limit) } catch {
      throw RepliesError.unreachable(error.description)
    }
    let people = try store.read { log in
      try Set(clients.values).reduce(into: [String: [Recipient]]()) { people, client in
        let settings = try log.mailSettings(of: client)
        people[client] = settings.to + settings.cc
      }
    }
    return found.prefix(Self.limit).map { answer in
      let parents = answer.saved.messageIDs("In-Reply-To") + answer.saved.messageIDs("References").reversed()
      let client = parents.lazy.compactMap { clients[$0] }.first ?? "?"
      return ClientAnswer(
        client: client, sender: answer.sender, date: answer.saved.date,
        words: SavedMessage.firstWords(of: answer.text),
        doubt: ThreadTrust.doubt(answer.saved, people: people[client] ?? []))
    }.sorted { ($0.date ?? .distantPast) < ($1.date ?? .distantPast) }
  }
}
