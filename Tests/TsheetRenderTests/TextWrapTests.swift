import PropertyBased
import Testing

@testable import TsheetRender

/// The text part's lines fit 76 characters, as mail programs show them, with nothing lost.
@Suite struct TextWrapTests {
  @Test func aLongEntryLineHangsPastItsDash() {
    let line = "  - " + String(repeating: "Migrated the finance share to the new NAS ", count: 4) + ": 2.50 h"
    let wrapped = TextWrap.wrapped(line).split(separator: "\n")
    #expect(wrapped.count == 3)
    #expect(wrapped.allSatisfy { $0.count <= 76 })
    #expect(wrapped.dropFirst().allSatisfy { $0.hasPrefix("    ") && !$0.hasPrefix("     ") })
  }

  @Test func aLinkLongerThanALineStaysWhole() {
    let link = "https://acme.sharepoint.com/sites/IT/Shared%20Documents/" + String(repeating: "x", count: 120)
    #expect(TextWrap.wrapped("      See \(link) for the plan.") == "      See\n      \(link)\n      for the plan.")
  }

  @Test func shortLinesAndBlankLinesStayAsTheyAre() {
    let text = "Hello,\n\n  - Fixed SSO login: 1.75 h\n      Renewed the IdP certificate.\n"
    #expect(TextWrap.wrapped(text) == text)
  }

  /// Any text: every line fits unless it is one word, and the words come out as they went in, in order.
  @Test func wrappingKeepsEveryWordAndFitsEveryLine() async {
    let word = Gen.oneOf(Gen.letterOrNumber.string(of: 1...12), Gen.letterOrNumber.string(of: 70...90))
    let line = Gen.oneOf(
      word.array(of: 0...40).map { $0.joined(separator: " ") },
      word.array(of: 0...40).map { "  - " + $0.joined(separator: " ") })
    await propertyCheck(count: 500, input: line.array(of: 1...5)) { lines in
      let text = lines.joined(separator: "\n")
      let wrapped = TextWrap.wrapped(text)
      for out in wrapped.split(separator: "\n") {
        #expect(out.count <= 76 || !out.trimmingPrefix(while: { $0 == " " }).contains(" "))
      }
      #expect(wrapped.split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace))
    }
  }
}
