/// A client's contracted hours for one month, and how much of them the log has used.
package struct ContractStatus: Hashable, Sendable {
  package var client: String
  package var month: DayRange
  package var allowance: Minutes
  package var used: Minutes

  package init(client: String, month: DayRange, allowance: Minutes, used: Minutes) {
    self.client = client
    self.month = month
    self.allowance = allowance
    self.used = used
  }

  /// What is left of the allowance; negative when the client is over it.
  package var left: Minutes { Minutes(allowance.value - used.value) }
  package var isOver: Bool { used > allowance }
}
