import ArgumentParser

/// `--json`, short for `--format json`, on every command that writes JSON: the flag people guess first.
struct JSONOption: ParsableArguments {
  @Flag(name: .customLong("json"), help: "Short for --format json.")
  var isOn = false

  /// `format`, or JSON when `--json` was given.
  func format<Format: RawRepresentable<String>>(_ format: Format) -> Format {
    self.format(Optional(format)) ?? format
  }

  /// `format` (nil: none given), or JSON when `--json` was given.
  func format<Format: RawRepresentable<String>>(_ format: Format?) -> Format? {
    isOn ? Format(rawValue: "json") ?? format : format
  }
}
