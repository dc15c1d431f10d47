import Foundation
import TsheetCore
import TsheetMail

/// A message saved from the user's mail client, replied to (all): its thread, and its people but the sender.
struct Reply {
    let to: [MailAddress]
    let cc: [MailAddress]
    let messageID: String
    let references: [String]

    /// Reads the message saved at `path`; `from` (the user) is left out of its people.
    /// - Throws: `EmailError.unreadableReply` when the file is missing, has no headers or no Message-ID, or
    ///   names people that are not addresses.
    init(savedAt path: String, from: MailAddress) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EmailError.unreadableReply(path: path, problem: "no such file")
        }
        let saved: SavedMessage
        do { saved = try SavedMessage(parsing: String(decoding: data, as: UTF8.self)) } catch {
            throw EmailError.unreadableReply(path: path, problem: error.description)
        }
        let isOwn = { (address: MailAddress) in address.address.lowercased() == from.address.lowercased() }
        do {
            to = try (saved.addresses("From") + saved.addresses("To")).filter { !isOwn($0) }
            cc = try saved.addresses("Cc").filter { !isOwn($0) }
        } catch {
            throw EmailError.unreadableReply(path: path, problem: error.description)
        }
        guard let id = saved.messageIDs("Message-ID").first else {
            throw EmailError.unreadableReply(path: path, problem: "it has no Message-ID header")
        }
        messageID = id
        references = saved.messageIDs("References")
    }
}

/// Why an email cannot be made.
package enum EmailError: UserError, Equatable {
    case noSender
    case noRecipients(client: String)
    case badRecipients(client: String, problem: String)
    case unreadableReply(path: String, problem: String)

    package var exitStatus: ExitStatus {
        switch self {
        case .noSender: .config
        case .noRecipients, .badRecipients: .dataError
        case .unreadableReply: .noInput
        }
    }

    package var description: String {
        switch self {
        case .noSender:
            "no sender; set from = \"Your Name <you@example.com>\" under [mail] in the config file."
        case .noRecipients(let client):
            "no recipients for \(client); set them with tsheet clients set \(client.shellQuoted) --to ADDRESS [--cc ADDRESSES]."
        case .badRecipients(let client, let problem):
            "the recipients of \(client) are wrong: \(problem); fix them with tsheet clients set \(client.shellQuoted) --to …."
        case .unreadableReply(let path, let problem):
            "cannot reply to '\(path)': \(problem)."
        }
    }
}
