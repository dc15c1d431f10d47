import GRDB
import TsheetCore

// The rows the SQLite store reads and writes, by column name: one record type per table or query shape,
// internal to the store. Property names are the columns'.

/// A row of `client`, as a new client is inserted.
struct ClientRow: Encodable, PersistableRecord {
    static let databaseTableName = "client"
    var name: String
    var name_key: String
}

/// A client's id and name.
struct ClientNameRow: Decodable, FetchableRecord {
    var id: Int64
    var name: String
}

/// A client's id and the key its name is matched by.
struct ClientKeyRow: Decodable, FetchableRecord {
    var id: Int64
    var name_key: String?
}

/// A client with what the daily totals hold of it.
struct ClientSummaryRow: Decodable, FetchableRecord {
    var name: String
    var entries: Int
    var minutes: Int
    var last_day: String?
}

/// An entry joined with its client's name, as `SQLiteLog.entrySelect` reads it.
struct EntryRow: Decodable, FetchableRecord {
    var id: Int64
    var client: String
    var title: String
    var description: String
    var day: String
    var minutes: Int

    /// The entry; a malformed day (written by hand) reads as 1970-01-01.
    var entry: Entry {
        Entry(id: id, client: client, title: title, description: description,
              day: CalendarDay(iso: day) ?? CalendarDay(dayNumber: 0), minutes: Minutes(minutes))
    }
}

/// One cell of a pivot as SQLite sums it.
struct PivotCellRow: Decodable, FetchableRecord {
    var client_id: Int64?
    var day: String?
    var minutes: Int
    var title: String?
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

/// A row of `message` joined with its client's name, as `SQLiteLog.messageSelect` reads it.
struct MessageRow: Codable, FetchableRecord {
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

    /// The record; a malformed day (written by hand) reads as 1970-01-01.
    var record: MessageRecord {
        let first = CalendarDay(iso: first_day) ?? CalendarDay(dayNumber: 0)
        let last = CalendarDay(iso: last_day) ?? first
        return MessageRecord(client: client, variant: EmailVariant(rawValue: variant) ?? .week,
                             period: DayRange(first: first, last: max(first, last)), messageID: message_id,
                             references: refs.split(separator: " ").map(String.init), subject: subject, to: mail_to,
                             cc: mail_cc, bcc: mail_bcc, state: MessageState(rawValue: state) ?? .written,
                             sentAt: sent_at)
    }
}
