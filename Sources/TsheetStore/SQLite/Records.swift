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

/// A client with what the daily totals hold of it.
struct ClientSummaryRow: Decodable, FetchableRecord {
    var name: String
    var entries: Int
    var minutes: Int
    var last_day: String?
}

/// An entry as `SQLLog.entrySelect` reads it: by the columns' places, without the name lookups a million-row
/// export would repeat.
struct EntryRow: FetchableRecord {
    let entry: Entry

    /// The entry; a malformed day (written by hand) reads as 1970-01-01.
    init(row: Row) {
        entry = Entry(id: row[EntryColumn.id.rawValue], client: row[EntryColumn.client.rawValue],
                      title: row[EntryColumn.title.rawValue], description: row[EntryColumn.description.rawValue],
                      day: CalendarDay(iso: row[EntryColumn.day.rawValue] as String) ?? CalendarDay(dayNumber: 0),
                      minutes: Minutes(row[EntryColumn.minutes.rawValue]), person: row[EntryColumn.person.rawValue])
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
