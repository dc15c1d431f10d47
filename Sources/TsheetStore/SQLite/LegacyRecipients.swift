import TsheetCore

/// Reads the recipients that logs before schema v5 kept as text (`Marta Gil <marta@acme.com>, it@acme.com`),
/// once, when the log is migrated. The text was written by tsheet itself from checked addresses.
enum LegacyRecipients {
  static func read(_ text: String) -> [Recipient] {
    var items: [String] = []
    var current = ""
    var inQuotes = false
    var inAngle = false
    for character in text {
      switch character {
      case "\"": inQuotes.toggle()
      case "<" where !inQuotes: inAngle = true
      case ">" where !inQuotes: inAngle = false
      case "," where !inQuotes && !inAngle:
        items.append(current)
        current = ""
        continue
      default: break
      }
      current.append(character)
    }
    items.append(current)
    // A comma inside an unquoted name ("Núñez, S.L. <info@nunez.es>") splits no address: a piece without an
    // @ belongs to the next one.
    var recipients: [Recipient] = []
    var carried = ""
    for item in items where !item.trimmed.isEmpty {
      guard item.contains("@") else {
        carried += item + ","
        continue
      }
      recipients.append(recipient(carried + item))
      carried = ""
    }
    return recipients
  }

  private static func recipient(_ text: String) -> Recipient {
    let text = text.trimmed
    guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return Recipient(address: text) }
    var name = String(text[..<open]).trimmed
    if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
    return Recipient(
      name: name.isEmpty ? nil : name,
      address: String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmed)
  }
}
