import GRDB
import TsheetCore

/// A row of `message` joined with its client's name, as `messageSelect` reads it.
struct MessageRow: Decodable, FetchableRecord {
    var client: String
    var variant: String
    var first_day: String
    var last_day: String
    var message_id: String
    var refs: String
    var subject: String
    var mail_to: String
    var mail_cc: String
    var mail_bcc: String
    var state: String
    var sent_at: String?
}

/// A row of `recipient`.
struct RecipientRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "recipient"
    var client_id: Int64
    var kind: String
    var position: Int
    var name: String?
    var address: String
}

extension Store {
    static let messageSelect = """
        SELECT c.name AS client, m.variant, m.first_day, m.last_day, m.message_id, m.refs, m.subject, m.mail_to,
               m.mail_cc, m.mail_bcc, m.state, m.sent_at
        FROM message m JOIN client c ON c.id = m.client_id
        """

    /// The record of a row of `messageSelect`; a malformed day (written by hand) reads as 1970-01-01.
    static func message(from message: MessageRow) -> MessageRecord {
        let first = CalendarDay(iso: message.first_day) ?? CalendarDay(dayNumber: 0)
        let last = CalendarDay(iso: message.last_day) ?? first
        return MessageRecord(client: message.client, variant: EmailVariant(rawValue: message.variant) ?? .week,
                             period: DayRange(first: first, last: max(first, last)), messageID: message.message_id,
                             references: message.refs.split(separator: " ").map(String.init),
                             subject: message.subject, to: message.mail_to, cc: message.mail_cc, bcc: message.mail_bcc,
                             state: MessageState(rawValue: message.state) ?? .written, sentAt: message.sent_at)
    }

    static func sentMessage(like message: MessageRecord, in db: Database) throws -> MessageRecord? {
        guard let client = try clientID(named: message.client, in: db) else { return nil }
        return try MessageRow.fetchOne(db, sql: messageSelect + """
             WHERE m.client_id = ? AND m.variant = ? AND m.first_day = ? AND m.last_day = ?
               AND m.state IN ('sending', 'sent') ORDER BY m.id DESC LIMIT 1
            """, arguments: [client, message.variant.rawValue, message.period.first.description,
                             message.period.last.description]).map(message(from:))
    }

    /// Inserts `message` in `state`.
    /// - Returns: the id of its client.
    @discardableResult
    static func insert(_ message: MessageRecord, state: MessageState, in db: Database) throws -> Int64 {
        guard let client = try clientID(named: message.client, in: db) else {
            throw StoreError.noSuchClient(name: message.client)
        }
        try db.execute(sql: """
            INSERT INTO message (client_id, variant, first_day, last_day, message_id, refs, subject, mail_to,
                                 mail_cc, mail_bcc, state, sent_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [client, message.variant.rawValue, message.period.first.description,
                             message.period.last.description, message.messageID,
                             message.references.joined(separator: " "), message.subject, message.to, message.cc,
                             message.bcc, state.rawValue, message.sentAt])
        return client
    }

    static func mailSettings(ofClient id: Int64, in db: Database) throws -> ClientMail {
        let name = try String.fetchOne(db, sql: "SELECT name FROM client WHERE id = ?", arguments: [id]) ?? ""
        let lang = try String.fetchOne(db, sql: "SELECT lang FROM client WHERE id = ?", arguments: [id])
        let rows = try RecipientRow.fetchAll(db, sql: "SELECT * FROM recipient WHERE client_id = ? ORDER BY kind, position",
                                             arguments: [id])
        func people(_ kind: String) -> [Recipient] {
            rows.filter { $0.kind == kind }.map { Recipient(name: $0.name, address: $0.address) }
        }
        return ClientMail(client: name, to: people("to"), cc: people("cc"), language: lang.flatMap(Language.init))
    }

    /// Replaces the client's To and Cc lists with the non-nil ones.
    static func setRecipients(ofClient id: Int64, to: [Recipient]?, cc: [Recipient]?, in db: Database) throws {
        for (kind, list) in [("to", to), ("cc", cc)] {
            guard let list else { continue }
            try db.execute(sql: "DELETE FROM recipient WHERE client_id = ? AND kind = ?", arguments: [id, kind])
            for (position, person) in list.enumerated() {
                try RecipientRow(client_id: id, kind: kind, position: position, name: person.name,
                                 address: person.address).insert(db)
            }
        }
    }
}
