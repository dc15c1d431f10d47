import Foundation
import TsheetCore
import TsheetMail
import TsheetRender
import TsheetStore

/// What an email is asked for: whose, which variant and period, and the personal touches.
package struct EmailRequest: Sendable {
    package var client: String
    package var variant: EmailVariant
    package var period: DayRange
    /// Overrides the client's and the config's language.
    package var language: Language?
    /// A personal paragraph at the top of both parts.
    package var note: String?
    /// A message saved from the user's mail client to reply to (all): its thread and people.
    package var replyTo: String?

    package init(client: String, variant: EmailVariant, period: DayRange, language: Language? = nil,
                 note: String? = nil, replyTo: String? = nil) {
        self.client = client
        self.variant = variant
        self.period = period
        self.language = language
        self.note = note
        self.replyTo = replyTo
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
            "no recipients for \(client); set them with tsheet clients set \(client) --to ADDRESS [--cc ADDRESSES]."
        case .badRecipients(let client, let problem):
            "the recipients of \(client) are wrong: \(problem); fix them with tsheet clients set \(client) --to …."
        case .unreadableReply(let path, let problem):
            "cannot reply to '\(path)': \(problem)."
        }
    }
}

extension Context {
    /// The email's subject and the asked parts, in the client's language, from the templates.
    package func renderEmail(_ request: EmailRequest, in store: Store,
                             parts: TemplateSet.Parts = .all) throws -> TemplateSet.Email {
        let timesheet = try timesheets(for: request.period, client: request.client, in: store)[0]
        let stored = try store.mailSettings(of: timesheet.client)
        let language = request.language ?? stored.language ?? config.lang ?? .en
        let sender = config.mailFrom.map { $0.name ?? $0.address } ?? ""
        let view = TimesheetView(timesheet, variant: request.variant, language: language, sender: sender,
                                 note: request.note)
        return try TemplateSet(overrides: templatesDirectory).render(view, variant: request.variant, language: language,
                                                                     parts: parts)
    }

    /// The whole message: rendered, addressed to the client's people (or to everyone on the message replied
    /// to, but the sender) and threaded after the client's last message (or the one replied to).
    package func composeMessage(_ request: EmailRequest, in store: Store, at date: Date) throws -> MIMEMessage {
        guard let from = config.mailFrom else { throw EmailError.noSender }
        let parts = try renderEmail(request, in: store)
        let client = try store.clientName(request.client)
        var to: [MailAddress], cc: [MailAddress], parent: (id: String, references: [String])?
        if let path = request.replyTo {
            let headers = try Self.headers(ofMessageAt: path)
            let isOwn = { (address: MailAddress) in address.address.lowercased() == from.address.lowercased() }
            do {
                to = try (headers.addresses("From") + headers.addresses("To")).filter { !isOwn($0) }
                cc = try headers.addresses("Cc").filter { !isOwn($0) }
            } catch {
                throw EmailError.unreadableReply(path: path, problem: error.description)
            }
            guard let id = headers.messageIDs("Message-ID").first else {
                throw EmailError.unreadableReply(path: path, problem: "it has no Message-ID header")
            }
            parent = (id, headers.messageIDs("References"))
        } else {
            let stored = try store.mailSettings(of: client)
            do {
                to = try stored.to.map(MailAddress.init)
                cc = try stored.cc.map(MailAddress.init)
            } catch {
                throw EmailError.badRecipients(client: client, problem: "\(error)")
            }
            parent = try store.lastMessage(to: client).map { ($0.messageID, $0.references) }
        }
        if to.isEmpty { throw EmailError.noRecipients(client: client) }
        var message = MIMEMessage(from: from, to: to, subject: parts.subject, date: date,
                                  messageID: MIMEMessage.newMessageID(from: from, date: date), text: parts.text,
                                  html: parts.html)
        message.cc = cc
        if let parent {
            message.inReplyTo = parent.id
            message.references = MIMEMessage.references(replyingTo: parent.id, references: parent.references)
        }
        return message
    }

    /// Remembers `message`, written to a file, as the client's last, so the next one replies to it, and its
    /// people as the client's recipients.
    package func recordWritten(_ message: MIMEMessage, for request: EmailRequest, in store: Store) throws {
        try store.recordWritten(try ledgerRecord(of: message, for: request, in: store),
                                recipients: (message.to.map(\.recipient), message.cc.map(\.recipient)))
    }

    /// How the ledger remembers `message`: its thread, subject and people.
    func ledgerRecord(of message: MIMEMessage, for request: EmailRequest, in store: Store) throws -> MessageRecord {
        func people(_ list: [MailAddress]) -> String { list.map(\.description).joined(separator: ", ") }
        return MessageRecord(client: try store.clientName(request.client), variant: request.variant,
                             period: request.period, messageID: message.messageID, references: message.references,
                             subject: message.subject, to: people(message.to), cc: people(message.cc),
                             bcc: people(message.bcc), state: .written)
    }

    private static func headers(ofMessageAt path: String) throws -> MessageHeaders {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EmailError.unreadableReply(path: path, problem: "no such file")
        }
        do {
            return try MessageHeaders(parsing: String(decoding: data, as: UTF8.self))
        } catch {
            throw EmailError.unreadableReply(path: path, problem: error.description)
        }
    }
}

extension Context {
    /// Checks and stores where `client`'s emails go and in which language; nil leaves a field as it is.
    /// - Returns: the settings as stored.
    package func setRecipients(of client: String, to: String?, cc: String?, lang: Language?,
                               in store: Store) throws -> ClientMail {
        let client = try EntryField.client(client)
        func checked(_ list: String?) throws -> [Recipient]? {
            guard let list else { return nil }
            do {
                return try MailAddress.list(parsing: list).map(\.recipient)
            } catch {
                throw EmailError.badRecipients(client: client, problem: error.description)
            }
        }
        return try store.setMailSettings(of: client, to: checked(to), cc: checked(cc), language: lang)
    }
}

extension MailAddress {
    /// The stored recipient as an address, checked again: a log edited by hand may hold anything.
    init(_ recipient: Recipient) throws(MailError) {
        try self.init(name: recipient.name, address: recipient.address)
    }

    /// The address as the log keeps it: name and address apart.
    var recipient: Recipient { Recipient(name: name, address: address) }
}
