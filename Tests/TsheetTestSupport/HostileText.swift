import PropertyBased

/// Text an attacker, a broken file or a careless paste could hold: pieces that have broken parsers before
/// (numbers too large for any integer, exponents, signs, separators, control characters, escapes, line breaks,
/// quotes, Unicode that looks like ASCII, a spreadsheet's `_xHHHH_`) strung together at random, and arbitrary
/// Unicode beside them.
package enum HostileText {
  /// The pieces hostile text is made of.
  package static let pieces: [String] = [
    "0", "1", "9", "30", "90", "1440", "1441", "99999999999999999999", "9223372036854775807", "-9223372036854775808",
    "1e300", "1e-300", "inf", "nan", "0x1p3", "-", "+", ".", ",", ":", ";", "h", "m", "min", "H", "hrs", "W",
    "2026-11-20", "0000-01-01", "9999-12-31", "10000-01-01", "2026-W53", "T", "Z", "@", "<", ">", "\"", "'",
    "\\", "=", "=?UTF-8?B?", "?=", "{{", "}}", "{{>", "{{#", "{{/", "\u{0}", "\u{7}", "\u{8}", "\u{1B}[31m",
    "\u{1B}]0;x\u{7}", "\r", "\n", "\r\n", "\t", "\u{7F}", "\u{85}", "\u{2028}", "\u{202E}", "\u{FEFF}", " ",
    "ñ", "Ñ", "é", "ß", "😀", "日本", "acme", "Émile", "client:", "Bcc: x@evil.example", "a@b.c", "_x000D_", "_x",
    "005F_",
  ]

  /// Strings of up to `count` pieces, or of arbitrary Unicode scalars.
  package static func strings(of count: ClosedRange<Int> = 0...8)
    -> Generator<String, AnySequence<(index: Int, value: Any)>>
  {
    Gen.oneOf(
      Gen.element(of: pieces).array(of: count).map { $0.compactMap { $0 }.joined() },
      Gen.character(in: "\u{0}"..."\u{2FFF}").string(of: count))
  }
}
