import TOMLKit
import TsheetCore

/// The user's mailbox (`[imap]`): where it is and how to log in (the keys `[smtp]` has), the folders to look
/// for the clients' answers in, and where sent mail is filed.
package struct IMAPConfig: Sendable, Equatable {
  /// Whether a copy of each email sent over SMTP goes to the Sent folder.
  package enum SaveSent: String, Sendable {
    /// Yes, unless the provider files sent mail itself (Gmail).
    case auto
    case always, never
  }

  package var server: MailServerConfig
  /// Folders looked in besides INBOX (`folders`).
  package var folders: [String] = []
  /// The Sent folder when the server flags none `\Sent` (`sent_folder`).
  package var sentFolder: String?
  package var saveSent: SaveSent = .auto

  static let ownKeys = ["folders", "sent_folder", "save_sent"]

  init(table: TOMLTable, file: String) throws(ConfigError) {
    server = try MailServerConfig(table: table, section: "imap", ports: .imap, otherKeys: Self.ownKeys, file: file)
    if server.username == nil {
      throw .badValue(file: file, key: "imap.username", expected: "set to the mailbox's login")
    }
    for (key, value) in table where Self.ownKeys.contains(key) {
      switch key {
      case "folders":
        let expected = "a list of folder names such as [\"Clients\"]"
        guard let array = value.array, array.count <= 20 else {
          throw .badValue(file: file, key: "imap.folders", expected: expected)
        }
        folders = []
        for item in array {
          folders.append(try Self.folder(item, key: "imap.folders", file: file, expected: expected))
        }
      case "sent_folder":
        sentFolder = try Self.folder(value, key: "imap.sent_folder", file: file, expected: "a folder name")
      default:
        saveSent = try Config.choice(
          value, key: "imap.save_sent", file: file,
          expected: "\"auto\", \"always\" or \"never\"")
      }
    }
  }

  /// Whether a sent message is to be appended to the Sent folder: Gmail files what its SMTP sends itself.
  package var appendsSent: Bool {
    switch saveSent {
    case .always: true
    case .never: false
    case .auto: !["imap.gmail.com", "imap.googlemail.com"].contains(server.host.lowercased())
    }
  }

  /// A folder name: text without control characters.
  private static func folder(_ value: any TOMLValueConvertible, key: String, file: String, expected: String)
    throws(ConfigError) -> String
  {
    let name = try Config.string(value, key: key, file: file, expected: expected)
    guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
      throw .badValue(file: file, key: key, expected: expected)
    }
    return name
  }
}
