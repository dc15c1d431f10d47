/// The SGR styles the terminal listings use, only on a terminal that allows colour.
enum TerminalStyle: String {
  case bold = "1"
  case dim = "2"

  /// The escape that starts the style.
  var on: String { "\u{1B}[\(rawValue)m" }
  /// The escape that ends every style.
  static let off = "\u{1B}[0m"
}

extension String {
  /// The text in `style` when `enabled`, else as it is.
  func styled(_ style: TerminalStyle, when enabled: Bool) -> String {
    enabled ? style.on + self + TerminalStyle.off : self
  }
}
