import TOMLKit
import TsheetCore

extension ClientTerms {
  /// Reads a config's `[clients.NAME]` section, which the log takes in once (`ClientBook.settleConfigSections`);
  /// `prefix` names the table in errors.
  init(table: TOMLTable, prefix: String, file: String) throws(ConfigError) {
    self.init()
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
          value, key: name, file: file, expected: "a number of hours such as 20", allowed: ClientTerms.monthlyMinutes)
      default:
        throw .unknownKey(file: file, key: name, known: ["rounding", "rounding_mode", "monthly_hours"])
      }
    }
    rounding = step.map { Rounding(step: $0, mode: mode) }
  }
}
