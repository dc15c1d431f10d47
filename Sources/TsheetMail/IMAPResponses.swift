/// The few untagged IMAP responses tsheet reads from what libcurl hands back: `* SEARCH` and `* LIST` lines.
/// Anything else, and any line that does not parse, is skipped; the counts are bounded, so a hostile server's
/// answer costs at most `limit` items.
package enum IMAPResponses {
  /// A mailbox as `LIST` names it, with its flags (`\Sent`, `\Noselect`, …) in lower case.
  package struct Mailbox: Equatable, Sendable {
    package let name: String
    package let flags: Set<String>
  }

  /// The UIDs of every `* SEARCH n n …` line, in order, at most `limit`; numbers out of range are skipped.
  package static func searchUIDs(in bytes: [UInt8], limit: Int = 1000) -> [Int] {
    var uids: [Int] = []
    for line in lines(bytes) {
      let words = line.split(separator: " ")
      guard words.count >= 2, words[0] == "*", words[1].uppercased() == "SEARCH" else { continue }
      for word in words.dropFirst(2) where uids.count < limit {
        if word.count <= 10, let uid = Int(word), (1...Int(UInt32.max)).contains(uid) { uids.append(uid) }
      }
    }
    return uids
  }

  /// The mailboxes of every `* LIST (flags) "delimiter" name` line whose name is an atom or a quoted string,
  /// at most `limit`.
  package static func mailboxes(in bytes: [UInt8], limit: Int = 1000) -> [Mailbox] {
    var found: [Mailbox] = []
    for line in lines(bytes) where found.count < limit {
      let head = line.prefix(8)
      guard head.allSatisfy(\.isASCII), head.uppercased() == "* LIST (",
        let close = line[head.endIndex...].firstIndex(of: ")")
      else { continue }
      let flags = line[head.endIndex..<close].split(separator: " ")
        .map { $0.lowercased() }
      var rest = line[line.index(after: close)...].drop { $0 == " " }
      // The hierarchy delimiter: a quoted character or NIL.
      if rest.hasPrefix("\"") {
        guard let end = quotedEnd(rest) else { continue }
        rest = rest[end...]
      } else if rest.uppercased().hasPrefix("NIL") {
        rest = rest.dropFirst(3)
      } else {
        continue
      }
      rest = rest.drop { $0 == " " }
      let name: String
      if rest.hasPrefix("\"") {
        guard let end = quotedEnd(rest), end == rest.endIndex else { continue }
        name = unquote(rest[rest.index(after: rest.startIndex)..<rest.index(before: end)])
      } else {
        guard !rest.isEmpty, !rest.contains(where: { " (){%*\"\\".contains($0) }) else { continue }
        name = String(rest)
      }
      found.append(Mailbox(name: name, flags: Set(flags)))
    }
    return found
  }

  /// The lines of `bytes` (CRLF or LF), as text; lines holding a control character are skipped.
  private static func lines(_ bytes: [UInt8]) -> [Substring] {
    String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" }
      .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
      .filter { !$0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } }
  }

  /// Where the quoted string at the start of `text` ends (past its closing quote), or nil when it does not.
  private static func quotedEnd(_ text: Substring) -> Substring.Index? {
    var escaped = false
    for index in text.indices.dropFirst() {
      if escaped {
        escaped = false
        continue
      }
      if text[index] == "\\" { escaped = true } else if text[index] == "\"" { return text.index(after: index) }
    }
    return nil
  }

  private static func unquote(_ text: Substring) -> String {
    var result = ""
    var escaped = false
    for character in text {
      if !escaped, character == "\\" {
        escaped = true
        continue
      }
      escaped = false
      result.append(character)
    }
    return result
  }
}
