/// How a client's entries are rounded for billing: each entry on its own, before any sum. Stored minutes stay
/// as logged; the store rounds them where it reads them for reports and emails, and `billed(_:)` where a file
/// shows an entry's billed minutes beside the logged ones (the workbook).
package struct Rounding: Hashable, Sendable {
  package enum Mode: String, Sendable, CaseIterable {
    /// To the next multiple of the step: 1 to 15 minutes bill as 15 with a 15m step.
    case up
    /// To the nearest multiple of the step, halves up: 7 minutes bill as 0, 8 as 15 with a 15m step.
    case nearest
  }

  package var step: Minutes
  package var mode: Mode

  package init(step: Minutes, mode: Mode) {
    precondition(step.value > 0, "a rounding step is at least one minute")
    self.step = step
    self.mode = mode
  }
}

extension Rounding {
  /// What this rule bills for one entry of `minutes` (0 to a day): the store's SQL rounds by the same integer
  /// arithmetic where it sums (`billedMinutesSQL`), and `BillingTests` pins that the two agree.
  package func billed(_ minutes: Minutes) -> Minutes {
    let step = step.value
    switch mode {
    case .up: return Minutes((minutes.value + step - 1) / step * step)
    case .nearest: return Minutes((minutes.value * 2 + step) / (2 * step) * step)
    }
  }
}

extension BillingRules {
  /// The minutes `entry` bills: rounded by its client's rule, or as logged.
  package func billed(_ entry: Entry) -> Minutes {
    isEmpty ? entry.minutes : rule(for: entry.client)?.billed(entry.minutes) ?? entry.minutes
  }
}
