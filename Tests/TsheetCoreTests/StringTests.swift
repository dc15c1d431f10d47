import PropertyBased
import Testing
import TsheetCore

/// Random text from pieces that matter to lines: every kind of line break, spaces, letters, accents, emoji.
private let texts = Gen.element(of: [
  "a", "ñ", "é", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}",
  "\u{2028}", "\u{2029}", "\u{2027}", "\u{C2}", "👍🏽", "Fix SSO",
])
.array(of: 0...24).map { pieces in pieces.map { $0 ?? "" }.joined() }

@Suite struct StringTests {
  @Test func nonBlankLinesSplitWhereCharactersSeeNewlines() async {
    await propertyCheck(input: texts) { text in
      let byCharacter = text.split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
      #expect(text.nonBlankLines == byCharacter)
    }
  }

  @Test(
    arguments: [
      ("", []),
      ("Call with Ana", ["Call with Ana"]),
      ("  first\r\n\r\n second  \nthird\u{2028}fourth ", ["first", "second", "third", "fourth"]),
      ("\n \n", []),
    ] as [(String, [String])])
  func nonBlankLines(text: String, lines: [String]) {
    #expect(text.nonBlankLines == lines)
  }

  @Test(arguments: [("  a b \n", "a b"), ("a", "a"), ("\u{A0}ñ\u{3000}", "ñ"), ("", "")])
  func trimmed(text: String, result: String) {
    #expect(text.trimmed == result)
  }

  @Test(arguments: [
    ("a", "", "a"), ("-", "", "-"), ("a/", "", "a"), ("~", "", "~"), ("ab", "", "ab"), ("x/y", "x", "y"),
    ("/a", "/", "a"), ("./a", ".", "a"), ("/", "/", "/"), ("//x//y//", "//x", "y"), ("", "", ""),
  ])
  func aPathSplitsAsNSStringWouldWithoutTrapping(path: String, folder: String, name: String) {
    #expect(path.folderPart == folder)
    #expect(path.namePart == name)
  }

  @Test func anyPathSplitsIntoItsFolderAndItsName() async {
    await propertyCheck(input: Gen.element(of: Array("ab/. ")).compactMap { $0 }.string(of: 0...12)) { path in
      let name = path.namePart
      #expect(!name.contains("/") || name == "/")
      #expect(path.folderPart.count <= path.count)
    }
  }
}
