/// Why a text is not a duration one entry can have.
package enum DurationError: UserError, Equatable {
  case notADuration(String)
  case zero(String)
  case negative(String)
  case longerThanADay(String)

  package var exitStatus: ExitStatus { .dataError }

  package var description: String {
    switch self {
    case .notADuration(let text):
      "'\(text.echoed())' is not a duration; write it like 45m, 1h30m, 1.5h, 1:30 or 90 (minutes)."
    case .zero(let text):
      "'\(text.echoed())' is no time at all; log at least one minute."
    case .negative(let text):
      "'\(text.echoed())' is negative; log the time spent, like 45m, and fix mistakes with 'tsheet edit'."
    case .longerThanADay(let text):
      "'\(text.echoed())' is longer than a day; log at most 24h per entry."
    }
  }
}

extension Minutes {
  /// Reads the duration of one entry: `45m`, `1h`, `1h30m`, `1h30`, `1.5h`, `1,5h`, `1:30`, or a bare `90`
  /// (minutes). Case and spaces are ignored. Fractions of an hour round to the nearest minute.
  /// - Throws: `DurationError` unless the result is between one minute and 24 hours.
  package init(parsing text: String) throws(DurationError) {
    let compact = text.lowercased().filter { !$0.isWhitespace }
    if compact.hasPrefix("-") { throw .negative(text) }
    guard let minutes = Self.minutes(in: compact) else { throw .notADuration(text) }
    // Compared before any conversion to Int: `99999999999999999999` is too long, not a crash.
    if minutes > Double(Minutes.maximumEntry.value) { throw .longerThanADay(text) }
    let whole = Int(minutes.rounded())
    if whole == 0 { throw .zero(text) }
    self.init(whole)
  }

  /// The total minutes written in `text` (lower case, no spaces), or nil when it is not a duration. A
  /// fraction, or a number too large for any clock, stays a `Double` until it is checked.
  private static func minutes(in text: String) -> Double? {
    if text.isEmpty { return nil }
    if text.contains(":") {
      let parts = text.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count == 2, parts[1].count == 2, !parts[0].isEmpty,
        parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let hours = Double(parts[0]),
        let minutes = Int(parts[1]), (0..<60).contains(minutes)
      else { return nil }
      return hours * 60 + Double(minutes)
    }
    var rest = Substring(text)
    var total = 0.0
    var sawHours = false
    while !rest.isEmpty {
      let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
      guard !number.isEmpty, let value = Double(String(number.map { $0 == "," ? "." : $0 })) else {
        return nil
      }
      rest = rest.dropFirst(number.count)
      let unit = rest.prefix { $0.isLetter }
      rest = rest.dropFirst(unit.count)
      switch unit {
      case "h", "hr", "hrs", "hour", "hours":
        guard !sawHours else { return nil }
        sawHours = true
        total += value * 60
      case "m", "min", "mins", "minute", "minutes":
        total += value
      case "" where rest.isEmpty && value == value.rounded():
        total += value  // a trailing bare number: "90" or the "30" of "1h30"
      default:
        return nil
      }
    }
    return total
  }
}
