extension String {
  /// The text as a message quotes it back: on one line, with control characters written as escapes (`\n`,
  /// `\x1b`) so that nothing a file or a server holds can drive the terminal, and cut to `limit` characters
  /// with an ellipsis so that a 100 KB field is not echoed whole.
  package func echoed(limit: Int = 60) -> String {
    let escaped = escapingControlCharacters
    guard escaped.count > limit else { return escaped }
    return String(escaped.prefix(max(1, limit - 1))) + "…"
  }

  /// The text with every control character (C0, DEL, C1, and the Unicode line and paragraph separators)
  /// written as an escape: `\n`, `\r`, `\t`, `\x1b`, `\u{2028}`. Text without them comes back as it is.
  package var escapingControlCharacters: String { escapingControlCharacters(keepingLineBreaks: false) }

  /// The text with its control characters escaped, but for LF and CR when `keepingLineBreaks`: for text
  /// shown a line at a time.
  package func escapingControlCharacters(keepingLineBreaks: Bool) -> String {
    guard containsControlCharacters(besidesLineBreaks: keepingLineBreaks) else { return self }
    var result = ""
    for scalar in unicodeScalars {
      guard scalar.isEscapedWhenEchoed, !(keepingLineBreaks && (scalar == "\n" || scalar == "\r")) else {
        result.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        let hex = String(scalar.value, radix: 16)
        result +=
          scalar.value < 0x100
          ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{" + hex + "}"
      }
    }
    return result
  }
}

extension String {
  /// Whether the text holds a character `escapingControlCharacters` would escape; read from the UTF-8 bytes,
  /// since listings ask this of every field they show and an import of every field it reads.
  package var containsControlCharacters: Bool { containsControlCharacters(besidesLineBreaks: false) }

  /// Whether the text holds a control character other than LF and CR (when `besidesLineBreaks`).
  package func containsControlCharacters(besidesLineBreaks: Bool) -> Bool {
    utf8.withContiguousStorageIfAvailable { Self.containsControls($0, besidesLineBreaks: besidesLineBreaks) }
      ?? Self.containsControls(utf8, besidesLineBreaks: besidesLineBreaks)
  }

  private static func containsControls(_ bytes: some Sequence<UInt8>, besidesLineBreaks: Bool) -> Bool {
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for byte in bytes {
      if byte < 0x20 || byte == 0x7F, !(besidesLineBreaks && (byte == 10 || byte == 13)) { return true }
      if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }  // C1
      if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return true }  // LS, PS
      (beforePrevious, previous) = (previous, byte)
    }
    return false
  }
}

extension Unicode.Scalar {
  /// Whether this is one of the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
  /// U+2066–U+2069): a name that holds one turns the text after it around (`‮eve: nothing logged` reads
  /// backwards), so text from the log reaches a page or an email without them. Right-to-left letters need none.
  package var isBidiControl: Bool { (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) }

  /// Whether text from the log shows this as U+FFFD to the people who read it (an email, a page): a control
  /// character other than a tab or a line feed, or a bidirectional control.
  package var isReplacedWhenShown: Bool {
    (properties.generalCategory == .control && self != "\n" && self != "\t") || isBidiControl
  }

  /// Whether a terminal would act on this character rather than show it.
  var isEscapedWhenEchoed: Bool {
    value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
  }
}
