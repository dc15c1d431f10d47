/// How wide text is in a cell, in the unit of column widths: the width of the digit 0 of the default font.
/// Estimated per character from the widths of Calibri, which Excel shows text in, and of Carlito and DejaVu
/// Sans, which LibreOffice shows it in: the wider of them, so that a row is never too short.
enum TextWidth {
  /// How much wider bold text is than regular (a header's).
  static let bold = 1.1

  /// The width of `text` on one line (the widest of its lines).
  static func of(_ text: String) -> Double { measure(text, wrappingAt: .infinity).widest }

  /// The lines `text` takes wrapped in a column `width` wide, as a spreadsheet wraps it (at spaces, after `/`,
  /// `?` and `-` as in a URL, and within a word longer than a line; each line break starts a line), and the
  /// width of its widest line unwrapped. One pass over the text, allocating nothing: it runs for each text
  /// cell of a million-row sheet.
  static func measure(_ text: String, wrappingAt width: Double) -> (lines: Int, widest: Double) {
    var text = text
    return text.withUTF8 { bytes in measure(bytes, wrappingAt: width) }
  }

  /// `measure(_:wrappingAt:)` over the text's UTF-8 bytes, decoded here: faster than through `String`.
  private static func measure(_ bytes: UnsafeBufferPointer<UInt8>, wrappingAt width: Double) -> (
    lines: Int, widest: Double
  ) {
    var layout = Layout(width: width)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\n"): layout.breakLine()
      case UInt8(ascii: " "): layout.space()
      case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "-"):
        layout.add(ascii[Int(byte) - 0x20], breakAfter: true)
      case 0x20..<0x7F: layout.add(ascii[Int(byte) - 0x20])
      case 0..<0x80: layout.add(1)  // a control character
      default:  // the lead byte of a scalar of 2 to 4 bytes
        let more = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
        var value = UInt32(byte & (0x3F >> more))
        for _ in 0..<more where index < bytes.count {
          value = value << 6 | UInt32(bytes[index] & 0x3F)
          index += 1
        }
        layout.add(Unicode.Scalar(value).map(of) ?? 1)
      }
    }
    return layout.finish()
  }

  /// Text being laid out in lines, a piece (a word, or part of one up to a break) at a time.
  private struct Layout {
    let width: Double
    var lines = 1, widest = 0.0
    var used = 0.0, gap = 0.0  // of the wrapped line being filled; before the next piece on it
    var piece = 0.0, unwrapped = 0.0  // the piece being read; the text's line being read, unwrapped

    mutating func add(_ characterWidth: Double, breakAfter: Bool = false) {
      piece += characterWidth
      unwrapped += characterWidth
      if breakAfter {
        place()
        gap = 0
      }
    }

    mutating func space() {
      place()
      gap = spaceWidth
      unwrapped += spaceWidth
    }

    mutating func breakLine() {
      place()
      widest = max(widest, unwrapped)
      lines += 1
      used = 0
      unwrapped = 0
    }

    mutating func finish() -> (lines: Int, widest: Double) {
      place()
      return (lines, max(widest, unwrapped))
    }

    /// Puts the piece on the line, or on the next, or over several when it is longer than a line.
    private mutating func place() {
      guard piece > 0 else { return }
      if used > 0, used + gap + piece <= width {
        used += gap + piece
      } else {
        if used > 0 { lines += 1 }
        let breaks = max(Int((piece / width).rounded(.up)) - 1, 0)
        lines += breaks
        used = piece - Double(breaks) * width
      }
      piece = 0
    }
  }

  private static let spaceWidth = ascii[0]

  /// The width of one character: from `ascii` for ASCII; for the rest, nothing for a combining mark or a
  /// joiner, two for East Asian wide forms and emoji, and for letters the width of the widest of their case
  /// in Latin (`ó` as `o`, `Ñ` as `O`).
  static func of(_ scalar: Unicode.Scalar) -> Double {
    switch scalar.value {
    case 0x20..<0x7F: return ascii[Int(scalar.value) - 0x20]
    case 0..<0xC0: return 1  // control characters, and Latin-1's signs
    case 0xC0...0xDE: return scalar.value == 0xD7 ? 1.32 : 1.31  // À to Þ, and ×
    case 0xDF...0xFF: return 1.05  // ß to ÿ
    default: break
    }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: return isWide(scalar.value) ? 2 : scalar.properties.isUppercase ? 1.31 : 1.05
    }
  }

  /// The widths of the printable ASCII characters, space to tilde, in widths of `0`: the wider of Carlito's
  /// (whose widths are Calibri's) and DejaVu Sans's (what LibreOffice shows Calibri in where Carlito is
  /// missing), measured from the fonts' `hmtx` tables and rounded up.
  private static let ascii: [Double] = [
    0.50, 0.65, 0.80, 1.32, 1.00, 1.50, 1.35, 0.44, 0.62, 0.62, 0.99, 1.32, 0.50, 0.61, 0.50, 0.77,
    1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 0.53, 0.53, 1.32, 1.32, 1.32, 0.92,
    1.77, 1.15, 1.08, 1.10, 1.22, 1.00, 0.91, 1.25, 1.23, 0.50, 0.63, 1.04, 0.88, 1.69, 1.28, 1.31,
    1.02, 1.33, 1.10, 1.00, 0.97, 1.27, 1.12, 1.76, 1.08, 0.97, 1.08, 0.62, 0.77, 0.62, 1.32, 0.99,
    0.79, 0.97, 1.04, 0.87, 1.04, 0.99, 0.61, 1.00, 1.04, 0.46, 0.48, 0.92, 0.46, 1.58, 1.04, 1.05,
    1.04, 1.04, 0.69, 0.82, 0.67, 1.04, 0.94, 1.42, 0.94, 0.94, 0.83, 1.00, 0.91, 1.00, 1.32,
  ]

  /// Whether the character takes two columns in East Asian typography (Unicode's Wide and Fullwidth blocks,
  /// and the emoji planes).
  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
      true
    default: false
    }
  }
}
