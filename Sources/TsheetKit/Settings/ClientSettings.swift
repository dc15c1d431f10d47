import TOMLKit
import TsheetCore

/// What the config says about one client: `[clients.acme]`.
package struct ClientSettings: Sendable, Equatable {
  /// How each entry is rounded in reports and emails; nil bills the minutes as logged.
  package var rounding: Rounding?
  /// The hours a month the contract covers; nil when there is no such contract.
  package var monthlyHours: Minutes?

  package init(rounding: Rounding? = nil, monthlyHours: Minutes? = nil) {
    self.rounding = rounding
    self.monthlyHours = monthlyHours
  }

  /// Reads `[clients.NAME]`; `prefix` names the table in errors.
  init(table: TOMLTable, prefix: String, file: String) throws(ConfigError) {
    var step: Minutes?
    var mode = Rounding.Mode.up
    for (key, value) in table {
      let name = "\(prefix).\(key)"
      switch key {
      case "rounding":
        let text = try Config.string(value, key: name, file: file, expected: "a duration such as \"15m\"")
        guard let minutes = try? Minutes(parsing: text) else {
          throw .badValue(file: file, key: name, expected: "a duration such as \"15m\"")
        }
        step = minutes
      case "rounding_mode":
        mode = try Config.choice(value, key: name, file: file, expected: "\"up\" or \"nearest\"")
      case "monthly_hours":
        monthlyHours = try Config.hours(
          value, key: name, file: file, expected: "a number of hours such as 20",
          allowed: 1...(1000 * 60 - 1))
      default:
        throw .unknownKey(file: file, key: name, known: ["rounding", "rounding_mode", "monthly_hours"])
      }
    }
    rounding = step.map { Rounding(step: $0, mode: mode) }
  }
}
