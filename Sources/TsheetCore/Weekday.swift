/// A day of the week, numbered as ISO 8601 does: Monday is 1.
package enum Weekday: Int, Sendable, CaseIterable {
  case monday = 1
  case tuesday, wednesday, thursday, friday, saturday, sunday

  /// The lowercase English name, as written in config (`week_start = "monday"`).
  package var name: String {
    switch self {
    case .monday: "monday"
    case .tuesday: "tuesday"
    case .wednesday: "wednesday"
    case .thursday: "thursday"
    case .friday: "friday"
    case .saturday: "saturday"
    case .sunday: "sunday"
    }
  }

  /// The English three-letter name, `Mon`, as the terminal listings show days.
  package var shortName: String { String(name.prefix(1).uppercased() + name.dropFirst().prefix(2)) }
}
