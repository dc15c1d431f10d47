/// How text is measured, padded and cut in the terminal's columns.
extension String {
  /// The number of characters, counted fast when the text is ASCII (as most titles are).
  var width: Int {
    utf8.allSatisfy { $0 < 0x80 } ? utf8.count : count
  }

  /// The text up to its first line break, or nil when it is empty.
  var firstLine: String? {
    guard !isEmpty else { return nil }
    guard let cut = utf8.firstIndex(where: { $0 == 10 || $0 == 13 }) else { return self }
    return String(self[..<cut])
  }

  /// The text followed by spaces up to `width` characters.
  func padded(to width: Int) -> String {
    let own = self.width
    return own >= width ? self : self + String(repeating: " ", count: width - own)
  }

  /// The text cut to `width` characters, the last replaced by an ellipsis when anything was cut.
  func cut(to width: Int) -> String {
    utf8.count <= width || count <= width ? self : String(prefix(width - 1)) + "…"
  }
}
