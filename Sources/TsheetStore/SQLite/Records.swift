import GRDB
import TsheetCore

// The records SQLite's store keeps for itself; the rows both engines read go through `SQLRow`.

/// A row of `client`, as a new client is inserted.
struct ClientRow: Encodable, PersistableRecord {
  static let databaseTableName = "client"
  var name: String
  var name_key: String
}

/// An entry as `SQLLog.entrySelect` reads it: by the columns' places, without the name lookups a million-row
/// export would repeat.
struct EntryRow: FetchableRecord {
  let entry: Entry

  /// The entry; a malformed day (written by hand) reads as 1970-01-01.
  init(row: Row) {
    entry = Entry(
      id: row[EntryColumn.id.rawValue], client: row[EntryColumn.client.rawValue],
      title: row[EntryColumn.title.rawValue], description: row[EntryColumn.description.rawValue],
      day: CalendarDay(iso: row[EntryColumn.day.rawValue] as String) ?? CalendarDay(dayNumber: 0),
      minutes: Minutes(row[EntryColumn.minutes.rawValue]), person: row[EntryColumn.person.rawValue])
  }
}
