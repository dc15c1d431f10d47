import TsheetCore
import TsheetStore

/// A config's `[clients.NAME]` section as this run found it: the client it names (as the log stores the name,
/// when the log knows it) and the terms it gives.
package struct ClientSection: Sendable, Equatable {
  package var client: String
  package var terms: ClientTerms
  /// For an ignored section, the terms the log holds for its client instead.
  package var held: ClientTerms?
  /// For a section that names no client of the log, the log's client nearest in spelling, when one is near.
  package var closest: String?
}

/// What became of the config's sections on a run: each is moved into the log once, then ignored.
package struct SettledSections: Sendable, Equatable {
  /// Moved into the log on this run: the log had never held terms for their clients.
  package var moved: [ClientSection] = []
  /// Ignored: the log holds their clients' terms (moved earlier, set with `clients set`, or by another member).
  package var ignored: [ClientSection] = []
  /// Not moved: they name no client of the log.
  package var stray: [ClientSection] = []
}

/// Takes the config's `[clients.NAME]` sections into the log, so that every reader of the log bills the same:
/// a section whose client the log has never held terms for becomes its terms, once; afterwards the section is
/// ignored. Nothing bills by a config section directly.
package struct ClientSections: UseCase {
  let context: Context
  let store: any Store

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
  }

  /// Moves each section whose client the log knows and holds no terms for into the log, in one transaction.
  /// When the method returns, every client a section names has terms in the log; a log that does not exist
  /// yet is not created (it knows no client).
  package func settle() throws -> SettledSections {
    let sections = context.config.clientSections
    guard !sections.isEmpty else { return SettledSections() }
    let (names, terms) = try store.read { log in (try log.clientNames(), try log.billingTerms()) }
    let known = Dictionary(names.map { (ClientName.key($0), $0) }, uniquingKeysWith: { first, _ in first })
    var settled = SettledSections()
    var movable: [ClientSection] = []
    for (key, sectionTerms) in sections.sorted(by: { $0.key < $1.key }) {
      guard let client = known[key] else {
        settled.stray.append(ClientSection(client: key, terms: sectionTerms, closest: Self.closest(to: key, in: names)))
        continue
      }
      let section = ClientSection(client: client, terms: sectionTerms, held: terms.terms(of: client))
      if section.held == nil { movable.append(section) } else { settled.ignored.append(section) }
    }
    guard !movable.isEmpty else { return settled }
    try store.write { log in
      let terms = try log.billingTerms()  // another member may have moved or set them since the read
      for var section in movable {
        section.held = terms.terms(of: section.client)
        if section.held == nil {
          _ = try log.setTerms(section.terms, of: section.client)
          settled.moved.append(section)
        } else {
          settled.ignored.append(section)
        }
      }
    }
    return settled
  }

  /// The name in `names` fewest edits away from `section`, when it is near enough to be a typo.
  static func closest(to section: String, in names: [String]) -> String? {
    let nearest = names.map { (section.editDistance(to: ClientName.key($0)), $0) }.min { $0.0 < $1.0 }
    return nearest.flatMap { $0.0 <= max(2, section.count / 3) ? $0.1 : nil }
  }
}
