import GRDB
import TsheetCore

extension SQLiteLog {
    func mailSettings(of client: String) throws -> ClientMail {
        try mailSettings(ofClient: existingClientID(named: client))
    }

    func setMailSettings(of client: String, to: [Recipient]?, cc: [Recipient]?, language: Language?) throws
        -> ClientMail {
        let id = try clientID(creatingIfMissing: client)
        try setRecipients(ofClient: id, to: to, cc: cc)
        if let language {
            try db.execute(sql: "UPDATE client SET lang = ? WHERE id = ?", arguments: [language.rawValue, id])
        }
        return try mailSettings(ofClient: id)
    }

    func lastMessage(to client: String, for variant: EmailVariant, over period: DayRange) throws -> MessageRecord? {
        guard let id = try clientID(named: client) else { return nil }
        return try MessageRow.fetchOne(db, sql: Self.messageSelect + """
             WHERE m.client_id = ? AND NOT (m.state = 'written' AND (
                 (m.variant = ? AND m.first_day = ? AND m.last_day = ?)
                 OR EXISTS (SELECT 1 FROM message s WHERE s.client_id = m.client_id AND s.variant = m.variant
                            AND s.first_day = m.first_day AND s.last_day = m.last_day AND s.state IN ('sending', 'sent'))))
             ORDER BY m.id DESC LIMIT 1
            """, arguments: [id, variant.rawValue, period.first.description, period.last.description])?.record
    }

    func sentMessages(to client: String?) throws -> [MessageRecord] {
        var sql = Self.messageSelect + " WHERE m.state IN ('sending', 'sent')"
        var arguments: StatementArguments = []
        if let client {
            sql += " AND m.client_id = ?"
            arguments = [try existingClientID(named: client)]
        }
        return try MessageRow.fetchAll(db, sql: sql + " ORDER BY m.id DESC", arguments: arguments).map(\.record)
    }

    func sentMessage(like message: MessageRecord) throws -> MessageRecord? {
        guard let client = try clientID(named: message.client) else { return nil }
        return try MessageRow.fetchOne(db, sql: Self.messageSelect + """
             WHERE m.client_id = ? AND m.variant = ? AND m.first_day = ? AND m.last_day = ?
               AND m.state IN ('sending', 'sent') ORDER BY m.id DESC LIMIT 1
            """, arguments: [client, message.variant.rawValue, message.period.first.description,
                             message.period.last.description])?.record
    }

    func record(_ message: MessageRecord, recipients: (to: [Recipient], cc: [Recipient])?) throws {
        let client = try existingClientID(named: message.client)
        try db.execute(sql: """
            INSERT INTO message (client_id, variant, first_day, last_day, message_id, refs, subject, mail_to,
                                 mail_cc, mail_bcc, state, sent_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [client, message.variant.rawValue, message.period.first.description,
                             message.period.last.description, message.messageID,
                             message.references.joined(separator: " "), message.subject, message.to, message.cc,
                             message.bcc, message.state.rawValue, message.sentAt])
        if let recipients { try setRecipients(ofClient: client, to: recipients.to, cc: recipients.cc) }
    }

    func markSent(_ messageID: String, sentAt: String, recipients: (to: [Recipient], cc: [Recipient])) throws {
        try db.execute(sql: "UPDATE message SET state = 'sent', sent_at = ? WHERE message_id = ?",
                       arguments: [sentAt, messageID])
        if let client = try Int64.fetchOne(db, sql: "SELECT client_id FROM message WHERE message_id = ?",
                                           arguments: [messageID]) {
            try setRecipients(ofClient: client, to: recipients.to, cc: recipients.cc)
        }
    }

    func forgetUnsent(_ messageID: String) throws {
        try db.execute(sql: "DELETE FROM message WHERE message_id = ? AND state = 'sending'", arguments: [messageID])
    }

    func mailSettings(ofClient id: Int64) throws -> ClientMail {
        let client = try Row.fetchOne(db, sql: "SELECT name, lang FROM client WHERE id = ?", arguments: [id])
        let people = try RecipientRow.fetchAll(db, sql: "SELECT * FROM recipient WHERE client_id = ? ORDER BY kind, position",
                                               arguments: [id])
        func list(_ kind: String) -> [Recipient] {
            people.filter { $0.kind == kind }.map { Recipient(name: $0.name, address: $0.address) }
        }
        return ClientMail(client: client?["name"] ?? "", to: list("to"), cc: list("cc"),
                          language: (client?["lang"] as String?).flatMap(Language.init))
    }

    /// Replaces the client's To and Cc lists with the non-nil ones.
    func setRecipients(ofClient id: Int64, to: [Recipient]?, cc: [Recipient]?) throws {
        for (kind, list) in [("to", to), ("cc", cc)] {
            guard let list else { continue }
            try db.execute(sql: "DELETE FROM recipient WHERE client_id = ? AND kind = ?", arguments: [id, kind])
            for (position, person) in list.enumerated() {
                try RecipientRow(client_id: id, kind: kind, position: position, name: person.name,
                                 address: person.address).insert(db)
            }
        }
    }

    static let messageSelect = """
        SELECT c.name AS client, m.variant, m.first_day, m.last_day, m.message_id, m.refs, m.subject, m.mail_to,
               m.mail_cc, m.mail_bcc, m.state, m.sent_at
        FROM message m JOIN client c ON c.id = m.client_id
        """
}
