import Foundation

/// An email address with an optional display name: `Ana Ruiz <ana@consult.es>`.
package struct MailAddress: Hashable, Sendable, CustomStringConvertible {
  package let name: String?
  /// `local@domain`, checked to hold no spaces, brackets, commas, quotes or line breaks.
  package let address: String

  /// Creates the address, or throws when `address` is not one or `name` holds a line break.
  package init(name: String? = nil, address: String) throws(MailError) {
    let address = address.trimmingCharacters(in: .whitespacesAndNewlines)
    let parts = address.split(separator: "@", omittingEmptySubsequences: false)
    let forbidden: Set<Character> = [" ", "\t", "\r", "\n", "<", ">", ",", ";", "\"", "(", ")", "\r\n"]
    guard parts.count == 2, !parts[0].isEmpty, MailAddress.isDomain(parts[1]),
      !address.contains(where: forbidden.contains),
      !address.contains(where: \.isWhitespace),
      address.unicodeScalars.allSatisfy({ $0.value >= 0x21 && !(0x7F...0x9F).contains($0.value) })
    else {
      throw .badAddress(address)
    }
    self.address = address
    let name = name?.trimmingCharacters(in: .whitespacesAndNewlines)
    self.name = name?.isEmpty == false ? name!.split(whereSeparator: \.isNewline).joined(separator: " ") : nil
  }

  /// Whether `text` is a domain: dot-separated labels of letters, digits and hyphens (`acme.com`, and a
  /// dotless `localhost` or `intranet`, which a local mail server delivers to), or an address literal
  /// (`[192.0.2.1]`).
  private static func isDomain(_ text: Substring) -> Bool {
    if text.hasPrefix("["), text.hasSuffix("]"), text.count > 2 { return true }
    let labels = text.split(separator: ".", omittingEmptySubsequences: false)
    return labels.allSatisfy { label in
      !label.isEmpty && label.first != "-" && label.last != "-"
        && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
    }
  }

  /// Reads `Name <a@b.c>`, `"Ruiz, Ana" <a@b.c>`, `<a@b.c>` or `a@b.c`; encoded words in the name are decoded.
  package init(parsing text: String) throws(MailError) {
    let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if let open = text.lastIndex(of: "<"), text.hasSuffix(">") {
      var name = String(text[..<open]).trimmingCharacters(in: .whitespacesAndNewlines)
      if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
        name = String(name.dropFirst().dropLast()).replacing("\\\"", with: "\"").replacing("\\\\", with: "\\")
      }
      try self.init(
        name: EncodedWord.decode(name),
        address: String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
    } else {
      try self.init(address: text)
    }
  }

  /// Reads a comma-separated list of addresses, as in a `To` or `Cc` header; empty items are skipped.
  package static func list(parsing text: String) throws(MailError) -> [MailAddress] {
    var items: [String] = []
    var current = ""
    var inQuotes = false
    var inAngle = false
    var escaped = false
    for character in text {
      if escaped {  // a character after a backslash inside quotes is only itself
        escaped = false
        current.append(character)
        continue
      }
      switch character {
      case "\\" where inQuotes: escaped = true
      case "\"": inQuotes.toggle()
      case "<" where !inQuotes: inAngle = true
      case ">" where !inQuotes: inAngle = false
      case ",", ";":
        if !inQuotes && !inAngle {
          items.append(current)
          current = ""
          continue
        }
      default: break
      }
      current.append(character)
    }
    items.append(current)
    // A comma inside an unquoted name ("Núñez, S.L. <info@nunez.es>") splits no address: a piece without
    // an @ belongs to the next one.
    var addresses: [MailAddress] = []
    var carried = ""
    for item in items where !item.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      if !item.contains("@") {
        carried += item + ","
        continue
      }
      addresses.append(try MailAddress(parsing: carried + item))
      carried = ""
    }
    if !carried.isEmpty {
      throw .badAddress(String(carried.dropLast()).trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return addresses
  }

  /// The address as a header writes it: the name as plain words when it is only letters, digits and spaces,
  /// quoted when it holds other printable ASCII, else (non-ASCII, or text a reader could take for an encoded
  /// word) as RFC 2047 encoded words. Nothing in a name can be read as another address.
  package var headerValue: String {
    guard let name else { return address }
    if !name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) || name.contains("=?") {
      return EncodedWord.encode(name) + " <\(address)>"
    }
    let plain = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == " " }
    let quoted = plain ? name : "\"" + name.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    return "\(quoted) <\(address)>"
  }

  /// `Name <address>`, or the bare address, unencoded, for people to read.
  package var description: String { name.map { "\($0) <\(address)>" } ?? address }
}
