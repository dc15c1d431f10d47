/// Names of people replaced on the way into the log (`tsheet import --person-map "Ana Ruiz=ana"`): the name a
/// tracker's user column gives becomes the one the log knows. A name is matched without regard to case, and
/// mapped once (`A=B` and `B=C` send A to B, not to C).
package struct PersonMap: Sendable, Equatable {
  /// The log's name for each name the map replaces, by that name in lower case.
  private var names: [String: String] = [:]

  /// No name replaced.
  package static let none = PersonMap()

  private init() {}

  /// Reads `FROM=TO` pairs, each with exactly one `=`; surrounding spaces do not count.
  /// - Throws: `PersonMapError` for a pair without one `=`, with an empty side, with a `TO` that is no
  ///   person's name (a control character), or a `FROM` given twice with different names.
  package init(parsing pairs: [String]) throws(PersonMapError) {
    for pair in pairs {
      let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2, !String(parts[0]).trimmed.isEmpty else { throw .notAPair(pair) }
      let from = String(parts[0]).trimmed
      let to: String
      do { to = try EntryField.person(String(parts[1])) } catch { throw .badName(pair) }
      let key = from.lowercased()
      if let earlier = names[key], earlier != to { throw .twice(from) }
      names[key] = to
    }
  }

  /// The log's name for `name`: the one the map gives it, else `name` itself.
  package func name(for name: String) -> String {
    names.isEmpty ? name : names[name.trimmed.lowercased()] ?? name  // no folding a million rows for nothing
  }

  package var isEmpty: Bool { names.isEmpty }
}

/// Why `--person-map` cannot be read.
package enum PersonMapError: UserError, Equatable {
  case notAPair(String)
  case badName(String)
  case twice(String)

  package var exitStatus: ExitStatus { .usage }

  package var description: String {
    switch self {
    case .notAPair(let pair):
      "--person-map takes FROM=TO, e.g. \"Ana Ruiz=ana\"; got '\(pair.echoed())'."
    case .badName(let pair):
      "--person-map '\(pair.echoed())' gives no name to use: the name after = must be on one line and not empty."
    case .twice(let name):
      "--person-map renames '\(name.echoed())' twice; give each name once."
    }
  }
}
