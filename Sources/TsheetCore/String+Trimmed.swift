extension String {
  /// The text with ASCII letters in lower case and every other character as it is: how a search matches, the
  /// way SQLite's `lower()` folds.
  package var asciiLowercased: String {
    String(decoding: utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  /// The text without surrounding spaces and newlines.
  package var trimmed: String {
    // Most text has nothing to trim: say so from its first and last bytes, without walking characters.
    if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
      return self
    }
    var view = Substring(self)
    while let first = view.first, first.isWhitespace { view.removeFirst() }
    while let last = view.last, last.isWhitespace { view.removeLast() }
    return String(view)
  }
}

extension String {
  /// The text's lines, trimmed, without the blank ones. Lines break where `Character.isNewline` says (LF, CR,
  /// CR LF, VT, FF, NEL, LS, PS); the text is read as UTF-8 bytes, many times faster than by characters.
  package var nonBlankLines: [String] {
    let bytes = Array(utf8)
    var lines: [String] = []
    var start = 0
    var index = 0
    func appendLine(upTo end: Int) {
      let line = String(decoding: bytes[start..<end], as: UTF8.self).trimmed
      if !line.isEmpty { lines.append(line) }
    }
    while index < bytes.count {
      let length = Self.lineBreakLength(in: bytes, at: index)
      if length == 0 {
        index += 1
      } else {
        appendLine(upTo: index)
        index += length
        start = index
      }
    }
    appendLine(upTo: bytes.count)
    return lines
  }

  /// The length in bytes of the line break starting at `index` in UTF-8 `bytes`, or 0 when none does.
  private static func lineBreakLength(in bytes: [UInt8], at index: Int) -> Int {
    func byte(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
    return switch bytes[index] {
    case 0x0A...0x0D: 1
    case 0xC2 where byte(1) == 0x85: 2  // NEL
    case 0xE2 where byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9): 3  // LS, PS
    default: 0
    }
  }
}
