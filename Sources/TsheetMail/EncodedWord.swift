import Foundation

/// RFC 2047 encoded words, the way a header carries text that is not ASCII: `=?UTF-8?B?...?=`.
package enum EncodedWord {
  /// `text` as one or more B-encoded words separated by a space, each at most 64 characters (39 bytes of
  /// text), split between characters (never inside one): a header line holding one, after its name, stays
  /// within RFC 2047's 76.
  package static func encode(_ text: String) -> String {
    var words: [String] = []
    var chunk = ""
    for character in text {
      if chunk.utf8.count + character.utf8.count > 39, !chunk.isEmpty {
        words.append(chunk)
        chunk = ""
      }
      chunk.append(character)
    }
    if !chunk.isEmpty || words.isEmpty { words.append(chunk) }
    return words.map { "=?UTF-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: " ")
  }

  /// `text` with every encoded word (B or Q, UTF-8 or ISO-8859-1) decoded; white space between two encoded
  /// words is dropped, as RFC 2047 asks. Anything malformed is left as written.
  package static func decode(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    var pendingSpace = ""
    var lastWasWord = false
    while !rest.isEmpty {
      if rest.hasPrefix("=?"), let (decoded, length) = word(at: rest) {
        if !lastWasWord { result += pendingSpace }
        result += decoded
        pendingSpace = ""
        lastWasWord = true
        rest = rest.dropFirst(length)
      } else if let first = rest.first, first == " " || first == "\t" {
        pendingSpace.append(first)
        rest = rest.dropFirst()
      } else {
        result += pendingSpace
        pendingSpace = ""
        result.append(rest.first!)
        rest = rest.dropFirst()
        lastWasWord = false
      }
    }
    return result + pendingSpace
  }

  /// The decoded text of the encoded word at the start of `text` and its length, or nil.
  private static func word(at text: Substring) -> (String, Int)? {
    let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
    guard parts.count == 4, parts[3].hasPrefix("=") else { return nil }
    let charset = parts[0].lowercased()
    let encoding = parts[1].uppercased()
    let payload = parts[2]
    var bytes: [UInt8]
    switch encoding {
    case "B":
      guard let data = Data(base64Encoded: String(payload)) else { return nil }
      bytes = Array(data)
    case "Q":
      bytes = QuotedPrintable.decode(payload.replacing("_", with: " "))
    default:
      return nil
    }
    let decoded: String?
    switch charset {
    case "utf-8", "us-ascii": decoded = String(bytes: bytes, encoding: .utf8)
    case "iso-8859-1", "latin1", "windows-1252": decoded = String(bytes: bytes, encoding: .isoLatin1)
    default: decoded = nil
    }
    guard let decoded else { return nil }
    return (decoded, 2 + parts[0].count + 1 + parts[1].count + 1 + payload.count + 2)
  }
}
