import TOMLKit
import TsheetCore

extension Config {
  /// The keys about the person's working time, besides the others at the top of the file.
  static let workKeys = ["person", "max_timer_hours", "hours_per_day", "workdays"]

  /// Reads one of `workKeys`: who runs the timers, how long one may run unattended, and the work week.
  mutating func readWork(_ key: String, _ value: any TOMLValueConvertible, file: String) throws(ConfigError) {
    switch key {
    case "person":
      let name = try Self.string(value, key: key, file: file, expected: "a name such as \"ana\"")
      guard !name.containsControlCharacters else {
        throw .badValue(file: file, key: key, expected: "a name on one line, such as \"ana\"")
      }
      person = name
    case "max_timer_hours":
      maxTimer = try Self.hours(
        value, key: key, file: file, expected: "a number of hours from 1 to 24, such as 12",
        allowed: 60...1440)
    case "hours_per_day":
      workweek.hoursPerDay = try Self.hours(
        value, key: key, file: file,
        expected: "a number of hours up to 24, such as 8 or 7.5",
        allowed: 1...1440)
    default:  // workdays
      let expected = "a list of weekdays such as [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]"
      guard let array = value.array else { throw .badValue(file: file, key: key, expected: expected) }
      var days: Set<Weekday> = []
      for element in array {
        guard let name = element.string?.trimmed.lowercased(), name.count >= 3,
          let day = Weekday.allCases.first(where: { $0.name.hasPrefix(name) })
        else {
          throw .badValue(file: file, key: key, expected: expected)
        }
        days.insert(day)
      }
      workweek.workdays = days
    }
  }

  /// A number of hours (an integer or not) as minutes within `allowed`: any other number, however large or
  /// negative, and anything that is no number, is `.badValue`.
  static func hours(
    _ value: any TOMLValueConvertible, key: String, file: String, expected: String,
    allowed: ClosedRange<Int>
  ) throws(ConfigError) -> Minutes {
    guard let hours = value.double ?? value.int.map(Double.init),
      let minutes = Int(exactly: (hours * 60).rounded()), allowed.contains(minutes)
    else {
      throw .badValue(file: file, key: key, expected: expected)
    }
    return Minutes(minutes)
  }
}
