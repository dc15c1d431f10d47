import PostgresNIO
import TsheetCore

extension PostgresLog {
    func mailSettings(of client: String) throws -> ClientMail {
        try mailSettings(ofClient: existingClientID(named: client))
    }

    func setMailSettings(of client: String, to: [Recipient]?, cc: [Recipient]?, language: Language?) throws
        -> ClientMail {
        let id = try clientID(creatingIfMissing: client)
        try setRecipients(ofClient: id, to: to, cc: cc)
        if let language {
            var update = PostgresStatement()
            update += "UPDATE client SET lang = \(update.bind(language.rawValue)) WHERE id = \(update.bind(id))"
            try session.query(update)
        }
        return try mailSettings(ofClient: id)
    }

    func lastMessage(to client: String, for variant: EmailVariant, over period: DayRange) throws -> MessageRecord? {
        guard let id = try clientID(named: client) else { return nil }
        var select = PostgresStatement(Self.messageSelect)
        select += """
             WHERE m.client_id = \(select.bind(id)) AND NOT (m.state = 'written' AND (
                 (m.variant = \(select.bind(variant.rawValue)) AND m.first_day = \(select.bind(day: period.first)) \
            AND m.last_day = \(select.bind(day: period.last)))
                 OR EXISTS (SELECT 1 FROM message s WHERE s.client_id = m.client_id AND s.variant = m.variant
                            AND s.first_day = m.first_day AND s.last_day = m.last_day AND s.state IN ('sending', 'sent'))))
             ORDER BY m.id DESC LIMIT 1
            """
        return try messages(select).first
    }

    func sentMessages(to client: String?) throws -> [MessageRecord] {
        var select = PostgresStatement(Self.messageSelect + " WHERE m.state IN ('sending', 'sent')")
        if let client { select += " AND m.client_id = " + select.bind(try existingClientID(named: client)) }
        return try messages(select + " ORDER BY m.id DESC")
    }

    func sentMessage(like message: MessageRecord) throws -> MessageRecord? {
        guard let client = try clientID(named: message.client) else { return nil }
        var select = PostgresStatement(Self.messageSelect)
        select += """
             WHERE m.client_id = \(select.bind(client)) AND m.variant = \(select.bind(message.variant.rawValue)) \
            AND m.first_day = \(select.bind(day: message.period.first)) AND m.last_day = \(select.bind(day: message.period.last)) \
            AND m.state IN ('sending', 'sent') ORDER BY m.id DESC LIMIT 1
            """
        return try messages(select).first
    }

    func record(_ message: MessageRecord, recipients: (to: [Recipient], cc: [Recipient])?) throws {
        let client = try existingClientID(named: message.client)
        var insert = PostgresStatement()
        let values = [insert.bind(client), insert.bind(message.variant.rawValue), insert.bind(day: message.period.first),
                      insert.bind(day: message.period.last), insert.bind(message.messageID),
                      insert.bind(message.references.joined(separator: " ")), insert.bind(message.subject),
                      insert.bind(message.to), insert.bind(message.cc), insert.bind(message.bcc),
                      insert.bind(message.state.rawValue), insert.bind(message.sentAt)]
        insert += """
            INSERT INTO message (client_id, variant, first_day, last_day, message_id, refs, subject, mail_to, mail_cc,
                                 mail_bcc, state, sent_at) VALUES (\(values.joined(separator: ", ")))
            """
        try session.query(insert)
        if let recipients { try setRecipients(ofClient: client, to: recipients.to, cc: recipients.cc) }
    }

    func markSent(_ messageID: String, sentAt: String, recipients: (to: [Recipient], cc: [Recipient])) throws {
        var update = PostgresStatement()
        update += "UPDATE message SET state = 'sent', sent_at = \(update.bind(sentAt))"
        update += " WHERE message_id = \(update.bind(messageID)) RETURNING client_id"
        if let client: Int64 = try session.value(update) {
            try setRecipients(ofClient: client, to: recipients.to, cc: recipients.cc)
        }
    }

    func forgetUnsent(_ messageID: String) throws {
        var delete = PostgresStatement()
        delete += "DELETE FROM message WHERE message_id = \(delete.bind(messageID)) AND state = 'sending'"
        try session.query(delete)
    }

    private func mailSettings(ofClient id: Int64) throws -> ClientMail {
        var client = PostgresStatement()
        client += "SELECT name, lang FROM client WHERE id = \(client.bind(id))"
        let (name, language) = try session.query(client).first?.columns((String, String?).self, url: session.url)
            ?? ("", nil)
        var people = PostgresStatement()
        people += "SELECT kind, name, address FROM recipient WHERE client_id = \(people.bind(id)) ORDER BY kind, position"
        let rows = try session.query(people).map { try $0.columns((String, String?, String).self, url: session.url) }
        func list(_ kind: String) -> [Recipient] {
            rows.filter { $0.0 == kind }.map { Recipient(name: $0.1, address: $0.2) }
        }
        return ClientMail(client: name, to: list("to"), cc: list("cc"), language: language.flatMap(Language.init))
    }

    /// Replaces the client's To and Cc lists with the non-nil ones.
    private func setRecipients(ofClient id: Int64, to: [Recipient]?, cc: [Recipient]?) throws {
        for (kind, list) in [("to", to), ("cc", cc)] {
            guard let list else { continue }
            var delete = PostgresStatement()
            delete += "DELETE FROM recipient WHERE client_id = \(delete.bind(id)) AND kind = \(delete.bind(kind))"
            try session.query(delete)
            for (position, person) in list.enumerated() {
                var insert = PostgresStatement()
                insert += """
                    INSERT INTO recipient (client_id, kind, position, name, address) VALUES (\(insert.bind(id)), \
                    \(insert.bind(kind)), \(insert.bind(position)), \(insert.bind(person.name)), \(insert.bind(person.address)))
                    """
                try session.query(insert)
            }
        }
    }

    /// The messages `statement` reads (made from `messageSelect`).
    private func messages(_ statement: PostgresStatement) throws -> [MessageRecord] {
        try session.query(statement).map { row in
            let (client, variant, first, last, id, refs, subject, to, cc, bcc, state, sentAt) = try row.columns(
                (String, String, Int, Int, String, String, String, String, String, String, String, String?).self,
                url: session.url)
            let firstDay = PostgresDay.day(first)
            return MessageRecord(client: client, variant: EmailVariant(rawValue: variant) ?? .week,
                                 period: DayRange(first: firstDay, last: max(firstDay, PostgresDay.day(last))),
                                 messageID: id, references: refs.split(separator: " ").map(String.init),
                                 subject: subject, to: to, cc: cc, bcc: bcc,
                                 state: MessageState(rawValue: state) ?? .written, sentAt: sentAt)
        }
    }

    static let messageSelect = """
        SELECT c.name, m.variant, \(PostgresDay.number("m.first_day")), \(PostgresDay.number("m.last_day")), \
        m.message_id, m.refs, m.subject, m.mail_to, m.mail_cc, m.mail_bcc, m.state, m.sent_at
        FROM message m JOIN client c ON c.id = m.client_id
        """
}
