import PropertyBased
import Testing
import TsheetCore
import TsheetTestSupport

@testable import TsheetKit

/// Any value in any key of the config is read, or refused with a `ConfigError` that names the file: it never
/// traps, and so never stops every command (`rounding = "99999999999999999999h"` used to).
@Suite struct HostileConfigTests {
  static let keys = [
    "default_client", "week_start", "hours_format", "lang", "templates_dir", "mail.from",
    "mail.transport", "mail.sendmail_path", "smtp.host", "smtp.port", "smtp.security",
    "smtp.password_env", "smtp.allow_insecure", "clients.acme.rounding",
    "clients.acme.rounding_mode", "clients.acme.monthly_hours", "clients.\"Émile\".rounding",
    "person", "max_timer_hours", "hours_per_day", "workdays",
  ]

  /// A TOML value: text with anything in it, a number of any size, a boolean, an array.
  let value = Gen.oneOf(
    HostileText.strings(of: 0...6).map {
      "\""
        + $0.unicodeScalars.map { scalar in
          scalar == "\"" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F
            ? "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
              + String(scalar.value, radix: 16)
            : String(scalar)
        }.joined() + "\""
    },
    Gen.element(of: [
      "99999999999999999999", "-1", "0", "1e300", "inf", "nan", "true", "[1, 2]", "{a = 1}",
      "[\"mon\", \"xyz\"]", "[\"sun\"]", "7.5", "24.01", "1e-300",
      "-1e300", "-1.6e17", "-inf", "-0.0", "-9223372036854775808",
      "\"99999999999999999999h\"", "\"9223372036854775807:00\"", "1979-05-27T07:32:00Z",
    ]).map { $0! })

  @Test func anyValueInAnyKeyIsReadOrRefused() async {
    await propertyCheck(count: 2000, input: Gen.element(of: HostileConfigTests.keys).map { $0! }, value) { key, value in
      let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
      let toml =
        parts.count == 1
        ? "\(key) = \(value)\n"
        : "[\(parts[0] == "clients" ? "clients.acme" : parts[0])]\n"
          + (key.hasPrefix("clients.\"") ? "" : "\(parts[1].replacing("acme.", with: "")) = \(value)\n")
          + (parts[0] == "smtp" && parts[1] != "host" ? "host = \"127.0.0.1\"\n" : "")
      do {
        let config = try Config(toml: toml, file: "c.toml")
        if let rounding = config.clientSections["acme"]?.rounding { #expect((1...1440).contains(rounding.step.value)) }
        #expect((60...1440).contains(config.maxTimer.value))
        if let hours = config.workweek.hoursPerDay { #expect((1...1440).contains(hours.value)) }
        #expect(!(config.person ?? "").containsControlCharacters)
      } catch let error as ConfigError {
        #expect(error.description.hasPrefix("c.toml"))
      } catch {
        Issue.record("not a ConfigError: \(error)")
      }
    }
  }

  @Test func aNulByteIsRefusedWithItsLine() {
    #expect(throws: ConfigError.syntax(file: "c.toml", line: 2, message: "a NUL byte, which TOML does not allow")) {
      try Config(toml: "week_start = \"monday\"\nlang = \"es\"\u{0}\nhours_format = \"decimal\"\n", file: "c.toml")
    }
  }

  @Test func aRoundingStepTooLargeForAnyClockIsRefused() {
    #expect(
      throws: ConfigError.badValue(file: "c.toml", key: "clients.acme.rounding", expected: "a duration such as \"15m\"")
    ) {
      try Config(toml: "[clients.acme]\nrounding = \"99999999999999999999h\"\n", file: "c.toml")
    }
  }
}
