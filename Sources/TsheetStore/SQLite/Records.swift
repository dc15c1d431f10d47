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

/// An entry joined with its client's name. The columns are named once, in `Column`, from which `select` is
/// written: rows are read by those names' places, without the name lookups a million-row export would repeat.
struct EntryRow: FetchableRecord {
    enum Column: Int, CaseIterable {
        case id, client, title, description, day, minutes, person

        /// The SQL of the column over `entry e JOIN client c`; `minutes` as given (logged, or billed).
        func sql(minutes: String) -> String {
            switch self {
            case .id: "e.id"
            case .client: "c.name"
            case .title: "e.title"
            case .description: "e.description"
            case .day: "e.day"
            case .minutes: minutes
            case .person: "e.person"
            }
        }
    }

    /// The query that reads these rows, with `minutes` for the minutes column.
    static func select(minutes: String) -> String {
        "SELECT " + Column.allCases.map { $0.sql(minutes: minutes) }.joined(separator: ", ")
            + " FROM entry e JOIN client c ON c.id = e.client_id"
    }

    let entry: Entry

    /// The entry; a malformed day (written by hand) reads as 1970-01-01.
    init(row: Row) {
        entry = Entry(id: row[Column.id.rawValue], client: row[Column.client.rawValue], title: row[Column.title.rawValue],
                      description: row[Column.description.rawValue],
                      day: CalendarDay(iso: row[Column.day.rawValue] as String) ?? CalendarDay(dayNumber: 0),
                      minutes: Minutes(row[Column.minutes.rawValue]), person: row[Column.person.rawValue])
    }
}

/// One cell of a pivot as SQLite sums it (a year by day and title is thousands of them: read without `Decodable`).
struct PivotCellRow: FetchableRecord {
    var client_id: Int64?
    var day: String?
    var minutes: Int
    var title: String?
    var person: String?

    init(row: Row) {
        client_id = row["client_id"]
        day = row["day"]
        minutes = row["minutes"]
        title = row["title"]
        person = row["person"]
    }
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
