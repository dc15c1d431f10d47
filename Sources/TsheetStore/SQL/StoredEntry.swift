import TsheetCore

/// An entry as the log holds it, read back for the import's same-entry rule: a row whose id holds the very same
/// entry (a log's own export, brought back) is already there. The client is compared by its key, as clients
/// are matched without regard to case.
struct StoredEntry: Equatable {
  var clientKey: String
  var person: String
  var title: String
  var description: String
  var day: CalendarDay
  var minutes: Int

  /// The row as the log would hold it.
  init(_ entry: NewEntry) {
    clientKey = ClientName.key(entry.client)
    person = entry.person
    title = entry.title
    description = entry.description
    day = entry.day
    minutes = entry.minutes.value
  }

  /// The entry a row of `select` reads; nil when its day cannot be read.
  init?(row: any SQLRow) throws {
    guard let day = try row.day("day") else { return nil }
    clientKey = try row.text("name_key") ?? ""
    person = try row.text("person") ?? ""
    title = try row.text("title") ?? ""
    description = try row.text("description") ?? ""
    self.day = day
    minutes = Int(try row.integer("minutes") ?? 0)
  }

  /// The query that reads stored entries `e` (with their `id`), to which the caller adds its `WHERE`.
  static func select<Statement: SQLStatement>(_: Statement.Type) -> String {
    "SELECT e.id, c.name_key, e.person, e.title, e.description, \(Statement.dayValue("e.day")) AS day, e.minutes"
      + " FROM entry e JOIN client c ON c.id = e.client_id"
  }
}
