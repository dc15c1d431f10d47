/// How a client's entries are rounded for billing: each entry on its own, before any sum. Stored minutes stay
/// as logged; the store rounds them where it reads them for reports and emails (the only place that does).
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
