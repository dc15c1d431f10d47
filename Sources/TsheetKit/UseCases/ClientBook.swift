import TsheetCore
import TsheetMail
import TsheetStore

/// The log's clients: listing them, renaming, merging, and who receives their emails.
package struct ClientBook: UseCase {
  let context: Context
  let store: any Store

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
  }

  /// The config's `[clients.NAME]` sections that name no client of the log (a typo bills nobody), each with
  /// the log's client nearest in spelling, when one is near.
  package func straySettings() throws -> [(section: String, closest: String?)] {
    let sections = context.config.clients.keys
    guard !sections.isEmpty else { return [] }
    let names = try store.read { try $0.clientNames() }
    let known = Set(names.map(ClientName.key))
    return sections.filter { !known.contains($0) }.sorted().map { section in
      let nearest = names.map { (section.editDistance(to: ClientName.key($0)), $0) }.min { $0.0 < $1.0 }
      return (section, nearest.flatMap { $0.0 <= max(2, section.count / 3) ? $0.1 : nil })
    }
  }

  /// Every client with its entry count, total hours and last activity, by name.
  package func summaries() throws -> [ClientSummary] {
    try store.read { try $0.clientSummaries() }
  }

  /// Renames `old` to `new`; its entries follow.
  /// - Returns: the new name, checked.
  package func rename(_ old: String, to new: String) throws -> String {
    let name = try EntryField.client(new)
    try store.write { try $0.renameClient(old, to: name) }
    return name
  }

  /// Moves every entry of `source` to `target`, and removes `source`.
  /// - Returns: the number of entries moved.
  /// - Throws: `MergeError.sameClient` when the two names are one client's.
  package func merge(_ source: String, into target: String) throws -> Int {
    if ClientName.key(source) == ClientName.key(target) { throw MergeError.sameClient(source, target) }
    return try store.write { try $0.mergeClient(source, into: target) }
  }

  /// Checks and stores where `client`'s emails go (addresses separated by commas) and in which language;
  /// nil leaves a field as it is.
  /// - Returns: the settings as stored.
  package func setRecipients(of client: String, to: String?, cc: String?, language: Language?) throws -> ClientMail {
    let client = try EntryField.client(client)
    func checked(_ list: String?) throws -> [Recipient]? {
      guard let list else { return nil }
      do {
        return try MailAddress.list(parsing: list).map(\.recipient)
      } catch {
        throw EmailError.badRecipients(client: client, problem: error.description)
      }
    }
    let to = try checked(to)
    let cc = try checked(cc)
    return try store.write { try $0.setMailSettings(of: client, to: to, cc: cc, language: language) }
  }
}

extension MailAddress {
  /// The stored recipient as an address, checked again: a log edited by hand may hold anything.
  init(_ recipient: Recipient) throws(MailError) {
    try self.init(name: recipient.name, address: recipient.address)
  }

  /// The address as the log keeps it: name and address apart.
  var recipient: Recipient { Recipient(name: name, address: address) }
}

/// Why two clients cannot be merged.
package enum MergeError: UserError, Equatable {
  /// The names differ at most in case: they are one client.
  case sameClient(String, String)

  package var exitStatus: ExitStatus { .usage }

  package var description: String {
    switch self {
    case .sameClient(let source, let target):
      "'\(source)' and '\(target)' are the same client (names match without regard to case); to change how "
        + "it is written, use tsheet clients rename \(source.shellQuoted) \(target.shellQuoted)."
    }
  }
}
