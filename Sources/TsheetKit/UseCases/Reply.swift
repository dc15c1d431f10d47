import Foundation
import TsheetCore
import TsheetMail

/// A message saved from the user's mail client, replied to (all): its thread, and its people but the sender.
struct Reply {
  private(set) var to: [MailAddress]
  private(set) var cc: [MailAddress]
  let messageID: String
  let references: [String]

  /// At most this many people are read from a message replied to: a longer list is refused, not cut.
  static let maxPeople = 50
  /// The longest display name kept from a message replied to.
  static let maxNameLength = 100

  /// Reads the message saved at `path`; `from` (the user) is left out of its people.
  /// - Throws: `EmailError.unreadableReply` when the file is missing, has no headers or no Message-ID, or
  ///   names people that are not addresses.
  init(savedAt path: String, from: MailAddress) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw EmailError.unreadableReply(path: path, problem: "no such file")
    }
    do {
      self = try Reply(to: SavedMessage(parsing: String(decoding: data, as: UTF8.self)), leavingOut: [from.address])
    } catch {
      throw EmailError.unreadableReply(path: path, problem: error.description)
    }
  }

  /// A reply (all) to `saved`: its From, To and Cc, less the user's `own` addresses, each once.
  /// - Throws: `MailError` when it has no Message-ID, names something that is not an address, or more than
  ///   `maxPeople` people.
  init(to saved: SavedMessage, leavingOut own: Set<String>) throws(MailError) {
    let own = Set(own.map { $0.lowercased() })
    var seen = own
    func people(_ names: [String]) throws(MailError) -> [MailAddress] {
      var found: [MailAddress] = []
      for name in names {
        guard (saved[name]?.count { $0 == "@" } ?? 0) <= Self.maxPeople else {
          throw .unreadableMessage("it names more than \(Self.maxPeople) people")
        }
        for person in try saved.addresses(name) where seen.insert(person.address.lowercased()).inserted {
          // A name longer than a header line can fold is left off: the address is the person.
          found.append(
            (person.name?.count ?? 0) > Self.maxNameLength ? try MailAddress(address: person.address) : person)
        }
      }
      guard found.count <= Self.maxPeople else {
        throw .unreadableMessage("it names more than \(Self.maxPeople) people")
      }
      return found
    }
    to = try people(["From", "To"])
    cc = try people(["Cc"])
    guard let id = saved.messageIDs("Message-ID").first else {
      throw .unreadableMessage("it has no Message-ID header")
    }
    messageID = id
    // RFC 5322 3.6.4: without References, the parent's In-Reply-To stands for them.
    references =
      saved.messageIDs("References").isEmpty ? saved.messageIDs("In-Reply-To") : saved.messageIDs("References")
  }
}

extension Reply {
  /// The reply to only the people `isKept` accepts, and the people it left out.
  func keepingPeople(_ isKept: (MailAddress) -> Bool) -> (reply: Reply, left: [MailAddress]) {
    var kept = self
    kept.to = to.filter(isKept)
    kept.cc = cc.filter(isKept)
    return (kept, (to + cc).filter { !isKept($0) })
  }

  /// Adds those of `people` it does not name, in Cc; returns their addresses.
  mutating func adding(_ people: [Recipient]) -> [String] {
    let named = Set((to + cc).map { $0.address.lowercased() })
    let missing = people.filter { !named.contains($0.address.lowercased()) }
    cc += missing.compactMap { try? MailAddress(name: $0.name, address: $0.address) }
    return missing.map(\.address)
  }
}

/// Why an email cannot be made.
package enum EmailError: UserError, Equatable {
  case noSender
  case noRecipients(client: String)
  case badRecipients(client: String, problem: String)
  case unreadableReply(path: String, problem: String)

  package var exitStatus: ExitStatus {
    switch self {
    case .noSender: .config
    case .noRecipients, .badRecipients: .dataError
    case .unreadableReply: .noInput
    }
  }

  package var description: String {
    switch self {
    case .noSender:
      "no sender; set from = \"Your Name <you@example.com>\" under [mail] in the config file."
    case .noRecipients(let client):
      "no recipients for \(client); set them with tsheet clients set \(client.shellQuoted) --to ADDRESS [--cc ADDRESSES]."
    case .badRecipients(let client, let problem):
      "the recipients of \(client) are wrong: \(problem); fix them with tsheet clients set \(client.shellQuoted) --to …."
    case .unreadableReply(let path, let problem):
      "cannot reply to '\(path)': \(problem)."
    }
  }
}
