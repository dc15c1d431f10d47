/// What a client is billed by: how each entry is rounded and the hours a month its contract covers. The log
/// keeps them, so every member of a team bills the same hours.
package struct ClientTerms: Hashable, Sendable {
  /// How each entry is rounded in reports and emails; nil bills the minutes as logged.
  package var rounding: Rounding?
  /// The hours a month the contract covers; nil when there is no such contract.
  package var monthlyHours: Minutes?

  package init(rounding: Rounding? = nil, monthlyHours: Minutes? = nil) {
    self.rounding = rounding
    self.monthlyHours = monthlyHours
  }

  /// The contracted hours a month may be: a minute to just under a thousand hours.
  package static let monthlyMinutes = 1...(1000 * 60 - 1)
}

/// Every client's terms, found by the client's name in any case: the rounding the store bills by and the
/// contracted hours reports and emails count against.
package struct BillingTerms: Sendable, Equatable {
  private var terms: [String: ClientTerms]

  /// No terms for anyone: minutes billed as logged, no contracts.
  package static let none = BillingTerms([:])

  /// The terms of `terms`, keyed by client name in any case.
  package init(_ terms: [String: ClientTerms]) {
    self.terms = Dictionary(terms.map { (ClientName.key($0.key), $0.value) }, uniquingKeysWith: { $1 })
  }

  /// The terms of `client`; nil when none were ever set for it.
  package func terms(of client: String) -> ClientTerms? { terms[ClientName.key(client)] }

  /// Every client's rounding rule: how the store bills their minutes.
  package var billing: BillingRules { BillingRules(terms.compactMapValues(\.rounding)) }
}
