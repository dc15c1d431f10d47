import GRDB
import TsheetCore

/// Where a client's emails go and in which language; addresses are kept as the user typed them.
package struct ClientMail: Hashable, Sendable {
    package var client: String
    package var to: String
    package var cc: String
    package var lang: String?

    package init(client: String, to: String, cc: String, lang: String?) {
        self.client = client
        self.to = to
        self.cc = cc
        self.lang = lang
    }
}

/// A message tsheet wrote or sent, as the thread and the sent ledger remember it.
package struct MessageRecord: Hashable, Sendable {
    package var client: String
    package var variant: String
    package var period: DayRange
    package var messageID: String
    /// The References chain the message carried, oldest first.
    package var references: [String]
    package var subject: String
    package var to: String
    package var cc: String
    package var bcc: String
    /// When it was sent (ISO 8601, UTC); nil for a message only written to a file.
    package var sentAt: String?

    package init(client: String, variant: String, period: DayRange, messageID: String, references: [String],
                 subject: String, to: String, cc: String, bcc: String = "", sentAt: String? = nil) {
        self.client = client
        self.variant = variant
        self.period = period
        self.messageID = messageID
        self.references = references
        self.subject = subject
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.sentAt = sentAt
    }
}

extension Store {
    /// The mail settings of `client`.
    /// - Throws: `StoreError.noSuchClient` when there is no such client.
    package func mailSettings(of client: String) throws -> ClientMail {
        guard let row = try reading({ try Row.fetchOne($0, sql: "SELECT name, mail_to, mail_cc, lang FROM client WHERE name = ?",
                                                      arguments: [client]) }) else {
            throw StoreError.noSuchClient(name: client)
        }
        return ClientMail(client: row[0], to: row[1], cc: row[2], lang: row[3])
    }

    /// Stores the non-nil fields of `to`, `cc` and `lang` for `client`, creating the client if needed. When the
    /// method returns, the next email to the client goes to these people.
    /// - Returns: the settings as stored.
    package func setMailSettings(of client: String, to: String?, cc: String?, lang: String?) throws -> ClientMail {
        try writing { db in
            let id = try Store.clientID(named: client, creating: true, in: db)!
            if let to { try db.execute(sql: "UPDATE client SET mail_to = ? WHERE id = ?", arguments: [to, id]) }
            if let cc { try db.execute(sql: "UPDATE client SET mail_cc = ? WHERE id = ?", arguments: [cc, id]) }
            if let lang { try db.execute(sql: "UPDATE client SET lang = ? WHERE id = ?", arguments: [lang, id]) }
        }
        return try mailSettings(of: client)
    }

    /// Records a message written or sent. When the method returns, it is the client's last message.
    package func record(_ message: MessageRecord) throws {
        try writing { db in
            guard let client = try Store.clientID(named: message.client, creating: false, in: db) else {
                throw StoreError.noSuchClient(name: message.client)
            }
            try db.execute(sql: """
                INSERT INTO message (client_id, variant, first_day, last_day, message_id, refs, subject, mail_to,
                                     mail_cc, mail_bcc, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [client, message.variant, message.period.first.description,
                                 message.period.last.description, message.messageID,
                                 message.references.joined(separator: " "), message.subject, message.to, message.cc,
                                 message.bcc, message.sentAt])
        }
    }

    /// The messages recorded for `client` (every client when nil), newest first.
    package func messages(of client: String? = nil) throws -> [MessageRecord] {
        try reading { db in
            var sql = """
                SELECT c.name, m.variant, m.first_day, m.last_day, m.message_id, m.refs, m.subject, m.mail_to,
                       m.mail_cc, m.mail_bcc, m.sent_at
                FROM message m JOIN client c ON c.id = m.client_id
                """
            var arguments: StatementArguments = []
            if let client {
                guard let id = try Store.clientID(named: client, creating: false, in: db) else {
                    throw StoreError.noSuchClient(name: client)
                }
                sql += " WHERE m.client_id = ?"
                arguments = [id]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY m.id DESC", arguments: arguments).map { row in
                let first = CalendarDay(iso: row[2] as String) ?? CalendarDay(dayNumber: 0)
                let last = CalendarDay(iso: row[3] as String) ?? first
                return MessageRecord(client: row[0], variant: row[1], period: DayRange(first: first, last: max(first, last)),
                                     messageID: row[4], references: (row[5] as String).split(separator: " ").map(String.init),
                                     subject: row[6], to: row[7], cc: row[8], bcc: row[9], sentAt: row[10])
            }
        }
    }
}
