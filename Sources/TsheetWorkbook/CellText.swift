/// Text as a workbook's cell must hold it for every reader to show it as it was logged.
enum CellText {
  /// The characters a cell's text holds, as Excel and libxlsxwriter count them.
  static let maxLength = 32_767

  /// `text` ready for a cell: line breaks as LF, each `_xHHHH_` escaped, at most `maxLength` characters (cut
  /// with an ellipsis).
  static func cell(_ text: String) -> String {
    var text = text
    let plain = text.withUTF8 { bytes in
      bytes.count <= maxLength && !bytes.contains { $0 == 13 || $0 == UInt8(ascii: "_") }
    }
    if plain { return text }  // the common case, checked on the bytes: faster than through `String`
    text = escapingHexCodes(text.utf8.contains(13) ? lineFeeds(text) : text)
    let scalars = text.unicodeScalars
    guard scalars.count > maxLength else { return text }
    return String(String.UnicodeScalarView(scalars.prefix(maxLength - 1))) + "…"  // an escape cut short is text
  }

  /// `text` with each CR LF, and each CR left, as LF. Read by scalars: as Characters, the CR of "\r\r\n" would
  /// meet the LF left by replacing the "\r\n" after it, and stay.
  static func lineFeeds(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    var afterCR = false
    for scalar in text.unicodeScalars {
      if !(afterCR && scalar == "\n") { scalars.append(scalar == "\r" ? "\n" : scalar) }
      afterCR = scalar == "\r"
    }
    return String(scalars)
  }

  /// `text` with the underscore that opens each `_xHHHH_` (hex digits in any case) written as `_x005F_`.
  /// Excel, LibreOffice and openpyxl read `_xHHHH_` in a cell as the character U+HHHH (`_x000D_` as a carriage
  /// return), scanning from the left; libxlsxwriter 1.1.4 writes the text as it is. Escaping every opening
  /// underscore, overlapping ones too (`_x005F_x0041_`), leaves nothing for that scan to decode but the escapes.
  static func escapingHexCodes(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
    let scalars = Array(text.unicodeScalars)
    var escaped = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      if scalar == "_", opensHexCode(scalars[(index + 1)...]) {
        escaped.append(contentsOf: escape)
      } else {
        escaped.append(scalar)
      }
    }
    return String(escaped)
  }

  /// What an underscore that opens a hex code is written as.
  private static let escape = "_x005F_".unicodeScalars

  /// Whether `rest` starts with `xHHHH_`.
  private static func opensHexCode(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
    guard rest.count >= 6 else { return false }
    let start = rest.startIndex
    return rest[start] == "x" && rest[start + 5] == "_"
      && rest[(start + 1)..<(start + 5)].allSatisfy(\.properties.isASCIIHexDigit)
  }
}
