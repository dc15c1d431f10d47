import PropertyBased
import Testing
import TsheetTestSupport

@testable import TsheetWorkbook

/// Text reaches a cell as every reader will show it as it was logged.
@Suite struct CellTextTests {
  /// Every CR leaves a cell as LF, however CRs and LFs follow one another (the property test once met
  /// "\r\r\n", whose first CR outlived a replacement made by Characters).
  @Test(arguments: [
    ("\r\r\n", "\n\n"), ("a\r\nb", "a\nb"), ("\r", "\n"), ("x\n\r", "x\n\n"), ("\r\n\r\n", "\n\n"),
    ("é\r\u{301}", "é\n\u{301}"), ("plain", "plain"),
  ])
  func carriageReturnsBecomeLineFeeds(text: String, cell: String) {
    #expect(CellText.lineFeeds(text) == cell)
    #expect(!CellText.lineFeeds(text).unicodeScalars.contains("\r"))
  }

  /// Each underscore that opens `_xHHHH_` is escaped, overlapping ones too; nothing else is touched.
  @Test(arguments: [
    ("_x000D_", "_x005F_x000D_"), ("_x000d_", "_x005F_x000d_"), ("a_x0041_b", "a_x005F_x0041_b"),
    ("_x005F_x0041_", "_x005F_x005F_x005F_x0041_"), ("_x_x0041_", "_x_x005F_x0041_"),
    ("_x00G1_", "_x00G1_"), ("_x0041", "_x0041"), ("x0041_", "x0041_"), ("__x1234__", "__x005F_x1234__"),
    ("Ñ_xABCD_😀", "Ñ_x005F_xABCD_😀"), ("", ""),
  ])
  func hexCodesAreEscaped(text: String, cell: String) {
    #expect(CellText.escapingHexCodes(text) == cell)
    #expect(Self.decoded(cell) == text, "read back as Excel and LibreOffice read it")
  }

  /// What Excel and LibreOffice show for a cell's text: each `_xHHHH_` decoded, scanning from the left.
  static func decoded(_ cell: String) -> String {
    var result = ""
    var rest = Substring(cell)
    while let range = rest.firstRange(of: /_x([0-9A-Fa-f]{4})_/) {
      result += rest[..<range.lowerBound]
      let hex = rest[range].dropFirst(2).prefix(4)
      result.unicodeScalars.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
      rest = rest[range.upperBound...]
    }
    return result + rest
  }

  /// A text past a cell's limit is cut to the limit with an ellipsis, counting the escapes it grew by; an
  /// escape cut short reads as text.
  @Test func aLongTextIsCutWithItsEscapesCounted() {
    let text = String(repeating: "a", count: CellText.maxLength - 10) + "_x0041_" + String(repeating: "b", count: 20)
    let cell = CellText.cell(text)
    #expect(cell.unicodeScalars.count == CellText.maxLength)
    #expect(Self.decoded(cell).hasSuffix("a_x0…"), "\(Self.decoded(cell).suffix(8))")
  }
}

/// Text widths and wrapped lines, as a spreadsheet lays text out in a column.
@Suite struct TextWidthTests {
  @Test(arguments: [
    ("", 40.0, 1), ("short", 40, 1), ("one\ntwo\n", 40, 3), ("aaaa aaaa aaaa", 8.9, 2),
    ("aaaa aaaa aaaa", 8.2, 3), (String(repeating: "x", count: 100), 10, 10), ("a\n\nb", 5, 3),
  ])
  func linesWrapAtSpacesAndBreaks(text: String, width: Double, lines: Int) {
    #expect(TextWidth.measure(text, wrappingAt: width).lines == lines)
  }

  @Test func wideLettersAndEastAsianFormsTakeMoreRoomThanNarrowOnes() {
    #expect(TextWidth.of("iiii") < TextWidth.of("0000"))
    #expect(TextWidth.of("MMMM") > TextWidth.of("0000"))
    #expect(TextWidth.of("日本") == 4)
    #expect(TextWidth.of("e\u{301}") == TextWidth.of("e"), "a combining accent takes no room")
    #expect(TextWidth.of("short\nthe longest line\nmid") == TextWidth.of("the longest line"))
  }
}

/// Whatever the text, its layout is sane: at least a line per line break, no more lines in a wider column, and
/// no line wider unwrapped than the whole text.
@Suite struct TextWidthPropertyTests {
  @Test func anyTextLaysOutSanely() async {
    await propertyCheck(count: 300, input: HostileText.strings(of: 0...24)) { text in
      let lineBreaks = text.utf8.filter { $0 == 10 }.count
      let narrow = TextWidth.measure(text, wrappingAt: 5)
      let wide = TextWidth.measure(text, wrappingAt: 50)
      #expect(narrow.lines >= lineBreaks + 1 && wide.lines >= lineBreaks + 1, "\(text.debugDescription)")
      #expect(wide.lines <= narrow.lines, "\(text.debugDescription)")
      #expect(
        narrow.widest == wide.widest && narrow.widest <= text.unicodeScalars.reduce(0) { $0 + TextWidth.of($1) } + 1e-9)
    }
  }
}
