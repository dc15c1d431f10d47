import Foundation

/// The headers of a message read back from a file, such as an `.eml` saved from a mail client.
package struct SavedMessage: Sendable {
  private let fields: [(name: String, value: String)]

  /// Reads the header section of `text` (up to the first empty line), unfolding continuation lines.
  /// - Throws: `MailError.unreadableMessage` when there is no header at all.
  package init(parsing text: String) throws(MailError) {
    var fields: [(String, String)] = []
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      let line = line.hasSuffix("\r") ? line.dropLast() : line
      if line.isEmpty { break }
      if line.first == " " || line.first == "\t", !fields.isEmpty {
        fields[fields.count - 1].1 += " " + line.drop(while: { $0 == " " || $0 == "\t" })
      } else if let colon = line.firstIndex(of: ":") {
        fields.append(
          (
            String(line[..<colon]).trimmingCharacters(in: .whitespacesAndNewlines),
            String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespacesAndNewlines)
          ))
      }
    }
    guard !fields.isEmpty else { throw .unreadableMessage("it has no headers; save the email as .eml") }
    self.fields = fields
  }

  /// Every value of the header `name` (any case), in order.
  package func values(_ name: String) -> [String] {
    fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
  }

  /// The first value of the header `name` (any case), or nil.
  package subscript(name: String) -> String? {
    fields.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  /// The well-formed message ids (`<left@right>`) in the header `name`; any other text is left out, so that what
  /// a stranger's message holds cannot reach a header or a SEARCH of ours.
  package func messageIDs(_ name: String) -> [String] {
    guard let value = self[name] else { return [] }
    return value.split(separator: "<").compactMap { part in
      part.firstIndex(of: ">").map { "<" + part[..<$0] + ">" }
    }.filter(Self.isMessageID)
  }

  /// Whether `id` is a message id fit for a header and a quoted SEARCH string: `<left@right>`, at most 250
  /// printable ASCII characters, without spaces, quotes, backslashes or inner angle brackets.
  package static func isMessageID(_ id: String) -> Bool {
    let inner = id.unicodeScalars.dropFirst().dropLast()
    return id.unicodeScalars.count <= 250 && id.hasPrefix("<") && id.hasSuffix(">") && inner.contains("@")
      && inner.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"<>\"\\".unicodeScalars.contains($0) }
  }

  /// The addresses in the header `name`; an absent header gives none.
  package func addresses(_ name: String) throws(MailError) -> [MailAddress] {
    try self[name].map { value throws(MailError) in try MailAddress.list(parsing: value) } ?? []
  }
}
