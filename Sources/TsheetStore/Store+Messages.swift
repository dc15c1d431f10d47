import GRDB
import TsheetCore

/// Where a client's emails go and in which language.
package struct ClientMail: Hashable, Sendable {
    package var client: String
    package var to: [Recipient]
    package var cc: [Recipient]
    package var language: Language?

    package init(client: String, to: [Recipient], cc: [Recipient], language: Language?) {
        self.client = client
        self.to = to
        self.cc = cc
        self.language = language
    }
}

/// Where a message stands: written to a file, being handed to the mail server, or sent.
package enum MessageState: String, Sendable {
    case written, sending, sent
}

/// A message tsheet wrote or sent, as the thread and the sent ledger remember it.
package struct MessageRecord: Hashable, Sendable {
    package var client: String
    package var variant: EmailVariant
    package var period: DayRange
    package var messageID: String
    /// The References chain the message carried, oldest first.
    package var references: [String]
    package var subject: String
    /// The people it went to, for the ledger to show; never read back as addresses.
    package var to: String
    package var cc: String
    package var bcc: String
    package var state: MessageState
    /// When it was sent (ISO 8601, UTC); nil until it is.
    package var sentAt: String?

    package init(client: String, variant: EmailVariant, period: DayRange, messageID: String, references: [String],
                 subject: String, to: String, cc: String, bcc: String = "", state: MessageState,
                 sentAt: String? = nil) {
        self.client = client
        self.variant = variant
        self.period = period
        self.messageID = messageID
        self.references = references
        self.subject = subject
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.state = state
        self.sentAt = sentAt
    }
}

extension Store {
    /// The mail settings of `client`.
    /// - Throws: `StoreError.noSuchClient` when there is no such client.
    package func mailSettings(of client: String) throws -> ClientMail {
        try reading { db in
            guard let id = try Store.clientID(named: client, in: db) else {
                throw StoreError.noSuchClient(name: client)
            }
            return try Store.mailSettings(ofClient: id, in: db)
        }
    }

    /// Stores the non-nil fields for `client`, creating the client if needed. When the method returns, the
    /// next email to the client goes to these people.
    /// - Returns: the settings as stored.
    package func setMailSettings(of client: String, to: [Recipient]?, cc: [Recipient]?,
                                 language: Language?) throws -> ClientMail {
        try writing { db in
            let id = try Store.clientID(creatingIfMissing: client, in: db)
            try Store.setRecipients(ofClient: id, to: to, cc: cc, in: db)
            if let language {
                try db.execute(sql: "UPDATE client SET lang = ? WHERE id = ?", arguments: [language.rawValue, id])
            }
            return try Store.mailSettings(ofClient: id, in: db)
        }
    }

    /// The newest message written or sent to `client`, which the next one replies to; nil when none was.
    package func lastMessage(to client: String) throws -> MessageRecord? {
        try reading { db in
            guard let id = try Store.clientID(named: client, in: db) else { return nil }
            return try MessageRow.fetchOne(db, sql: Store.messageSelect + " WHERE m.client_id = ? ORDER BY m.id DESC LIMIT 1",
                                    arguments: [id]).map(Store.message(from:))
        }
    }

    /// The messages sent to `client` (every client when nil), newest first, with those that may have gone out
    /// (`sending`: the log could not record them).
    package func sentMessages(to client: String? = nil) throws -> [MessageRecord] {
        try reading { db in
            var sql = Store.messageSelect + " WHERE m.state IN ('sending', 'sent')"
            var arguments: StatementArguments = []
            if let client {
                guard let id = try Store.clientID(named: client, in: db) else {
                    throw StoreError.noSuchClient(name: client)
                }
                sql += " AND m.client_id = ?"
                arguments = [id]
            }
            return try MessageRow.fetchAll(db, sql: sql + " ORDER BY m.id DESC", arguments: arguments).map(Store.message(from:))
        }
    }

    /// Records `message`, written to a file, and makes `recipients` the client's people, in one transaction.
    /// When the method returns, it is the client's last message.
    package func recordWritten(_ message: MessageRecord, recipients: (to: [Recipient], cc: [Recipient])) throws {
        try writing { db in
            let client = try Store.insert(message, state: .written, in: db)
            try Store.setRecipients(ofClient: client, to: recipients.to, cc: recipients.cc, in: db)
        }
    }

    /// Records `message` as being handed to the mail server, unless the same period went, or may have gone, to
    /// the client before (and `resend` is off): then nothing is recorded and that earlier message is returned.
    /// When the method returns nil, a message that cannot be recorded as sent later still counts as sent.
    package func startSending(_ message: MessageRecord, resend: Bool) throws -> MessageRecord? {
        try writing { db in
            if !resend, let previous = try Store.sentMessage(like: message, in: db) { return previous }
            try Store.insert(message, state: .sending, in: db)
            return nil
        }
    }

    /// The newest message of the same client, variant and period as `message` that went, or may have gone, out.
    package func sentMessage(like message: MessageRecord) throws -> MessageRecord? {
        try reading { try Store.sentMessage(like: message, in: $0) }
    }

    /// Marks the message `messageID` sent at `sentAt` and makes `recipients` its client's people, in one
    /// transaction.
    package func finishSending(_ messageID: String, sentAt: String,
                               recipients: (to: [Recipient], cc: [Recipient])) throws {
        try writing { db in
            try db.execute(sql: "UPDATE message SET state = 'sent', sent_at = ? WHERE message_id = ?",
                           arguments: [sentAt, messageID])
            let client = try Int64.fetchOne(db, sql: "SELECT client_id FROM message WHERE message_id = ?",
                                            arguments: [messageID])
            if let client { try Store.setRecipients(ofClient: client, to: recipients.to, cc: recipients.cc, in: db) }
        }
    }

    /// Forgets the message `messageID`, which the mail server did not take.
    package func abandonSending(_ messageID: String) throws {
        try writing { db in
            try db.execute(sql: "DELETE FROM message WHERE message_id = ? AND state = 'sending'", arguments: [messageID])
        }
    }
}
