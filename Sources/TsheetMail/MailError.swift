/// Why a message cannot be made or read. Every case names what was wrong.
package enum MailError: Error, Equatable, CustomStringConvertible {
  case badAddress(String)
  case unreadableMessage(String)

  package var description: String {
    switch self {
    case .badAddress(let text):
      "'\(MailError.shown(text))' is not an email address; write it as name@example.com or Name <name@example.com>"
    case .unreadableMessage(let reason):
      "the message cannot be read: \(reason)"
    }
  }

  /// `text` cut to 60 characters: a message quotes what it refuses, not a whole file.
  static func shown(_ text: String) -> String { text.count > 60 ? text.prefix(59) + "…" : text }
}
