/// How logged minutes become billed minutes: each client's rounding rule, found by the client's name in any case.
package struct BillingRules: Sendable, Equatable {
  private var rules: [String: Rounding]

  /// No rounding for anyone: minutes are billed as logged.
  package static let asLogged = BillingRules([:])

  /// The rules of `rules`, keyed by client name in any case.
  package init(_ rules: [String: Rounding]) {
    self.rules = Dictionary(rules.map { (ClientName.key($0.key), $0.value) }, uniquingKeysWith: { $1 })
  }

  /// The rule of `client`, or nil when its minutes are billed as logged.
  package func rule(for client: String) -> Rounding? { rules[ClientName.key(client)] }

  /// The rules of `clients` only (of `client` alone, say): a sum over them needs no other.
  package func restricted(to clients: [String]) -> BillingRules {
    BillingRules(
      Dictionary(clients.compactMap { name in rule(for: name).map { (name, $0) } }, uniquingKeysWith: { $1 }))
  }

  package var isEmpty: Bool { rules.isEmpty }
}

/// How client names are matched: `ACME` is `acme`, and `Émile` is `émile`, in every alphabet.
package enum ClientName {
  /// The form of `name` that matching compares.
  package static func key(_ name: String) -> String { name.lowercased() }
}
