import TsheetCore
import TsheetMail
import TsheetStore

/// The log's clients: listing them, renaming, merging, and what the log holds about each (recipients,
/// language, rounding, contracted hours).
package struct ClientBook: UseCase {
  let context: Context
  let store: any Store

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
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

  /// Everything the log holds about `client`: recipients, language, rounding and contracted hours.
  package func settings(of client: String) throws -> ClientSettings {
    try store.read { try $0.settings(of: client) }
  }

  /// Checks and stores, in one transaction, where `client`'s emails go (addresses separated by commas), in
  /// which language, and the change to its terms; nil (or an empty change) leaves a setting as it is. The
  /// client is created when missing.
  /// - Returns: the settings as stored.
  /// - Throws: `EmailError.badRecipients`, or `TermsError` for a change that does not fit the terms the log
  ///   holds; the log is then unchanged.
  package func set(
    _ client: String, to: String?, cc: String?, language: Language?, terms change: TermsChange = TermsChange.none
  ) throws -> ClientSettings {
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
    return try store.write { log in
      let mail = try log.setMailSettings(of: client, to: to, cc: cc, language: language)
      guard !change.isEmpty else { return try log.settings(of: mail.client) }
      let terms = try change.applied(to: try log.settings(of: mail.client).terms ?? ClientTerms(), of: mail.client)
      return try log.setTerms(terms, of: mail.client)
    }
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
