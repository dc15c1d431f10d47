/// The SGR styles the terminal listings use, only on a terminal that allows colour.
enum TerminalStyle: String {
    case bold = "1"
    case dim = "2"
}

extension String {
    /// The text in `style` when `enabled`, else as it is.
    func styled(_ style: TerminalStyle, when enabled: Bool) -> String {
        enabled ? "\u{1B}[\(style.rawValue)m\(self)\u{1B}[0m" : self
    }
}
