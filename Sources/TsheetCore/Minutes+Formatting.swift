/// How hours are written for people: `1:30` or `1.50`.
package enum HoursFormat: String, Sendable, CaseIterable {
  /// Hours and minutes, `1:30`.
  case clock = "h:mm"
  /// Hours with two decimals, `1.50`; the separator follows the reader's language.
  case decimal
}

extension Minutes {
  /// The duration as hours in the given format; `decimalSeparator` is used by `.decimal` only.
  package func formatted(_ format: HoursFormat, decimalSeparator: Character = ".") -> String {
    let magnitude = abs(value)
    let (whole, part, separator) =
      switch format {
      case .clock: (magnitude / 60, magnitude % 60, ":")
      case .decimal:  // rounded to the nearest hundredth of an hour
        ((magnitude * 100 + 30) / 6000, (magnitude * 100 + 30) / 60 % 100, String(decimalSeparator))
      }
    // Concatenated rather than interpolated: an export formats a million of these.
    return (value < 0 ? "-" : "") + String(whole) + separator + (part < 10 ? "0" : "") + String(part)
  }

  /// The duration in the compact form `tsheet log` accepts back: `45m`, `2h`, `1h30m`.
  package var compact: String {
    let hours = value / 60
    let minutes = value % 60
    switch (hours, minutes) {
    case (0, _): return "\(minutes)m"
    case (_, 0): return "\(hours)h"
    default: return "\(hours)h\(minutes)m"
    }
  }
}
