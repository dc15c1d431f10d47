/// Which email a timesheet becomes: an end-of-day update, the weekly timesheet, or a monthly statement.
package enum EmailVariant: String, Sendable, CaseIterable {
  case day, week, month
}
