import TsheetCore

/// The columns an entry is read with, in this order (SQLite reads them by their place, PostgreSQL by name).
enum EntryColumn: Int, CaseIterable {
  case id, client, title, description, day, minutes, person

  /// The SQL of the column over `entry e JOIN client c`; `minutes` as given (logged, or billed).
  func sql<Statement: SQLStatement>(minutes: String, in _: Statement.Type) -> String {
    switch self {
    case .id: "e.id"
    case .client: "c.name"
    case .title: "e.title"
    case .description: "e.description"
    case .day: Statement.dayValue("e.day")
    case .minutes: minutes
    case .person: "e.person"
    }
  }

  /// Its name in a query's answer.
  var name: String { "\(self)" }
}

extension SQLLog {
  /// The query that reads entries as `entries(_:)` takes them, `minutes` the SQL of their minutes.
  func entrySelect(minutes: String) -> Statement {
    statement() + "SELECT "
      + EntryColumn.allCases.map { "\($0.sql(minutes: minutes, in: Statement.self)) AS \($0.name)" }
      .joined(separator: ", ") + " FROM entry e JOIN client c ON c.id = e.client_id"
  }

  func entry(id: Int64) throws -> Entry {
    var select = entrySelect(minutes: "e.minutes")
    select += " WHERE e.id = " + select.bind(id)
    guard let entry = try entries(select).first else { throw StoreError.noSuchEntry(id: id) }
    return entry
  }

  func entries(matching filter: EntryFilter, billing: BillingRules) throws -> [Entry] {
    var select = statement()
    let minutes = try billedMinutesSQL(billing, in: &select)
    select.sql = entrySelect(minutes: minutes).sql
    let conditions = try whereClause(for: filter, in: &select)
    select += conditions + " ORDER BY e.day DESC, e.id DESC"
    if let limit = filter.limit { select += " LIMIT " + select.bind(limit) }
    return try entries(select)
  }

  func add(_ entry: NewEntry) throws -> Entry {
    var insert = statement()
    insert += """
      INSERT INTO entry (client_id, person, title, description, day, minutes) VALUES (\
      \(insert.bind(try clientID(creatingIfMissing: entry.client))), \(insert.bind(entry.person)), \
      \(insert.bind(entry.title)), \(insert.bind(entry.description)), \(insert.bind(day: entry.day)), \
      \(insert.bind(entry.minutes.value))) RETURNING id
      """
    guard let id = try rows(insert).first?.integer("id") else { throw unreadable("the new entry has no id") }
    return try self.entry(id: id)
  }

  func update(id: Int64, with changes: EntryChanges) throws -> Entry {
    _ = try entry(id: id)
    var update = statement()
    var assignments = ["updated_at = " + Statement.now]
    if let client = changes.client {
      assignments.append("client_id = " + update.bind(try clientID(creatingIfMissing: client)))
    }
    if let title = changes.title { assignments.append("title = " + update.bind(title)) }
    if let description = changes.description { assignments.append("description = " + update.bind(description)) }
    if let day = changes.day { assignments.append("day = " + update.bind(day: day)) }
    if let minutes = changes.minutes { assignments.append("minutes = " + update.bind(minutes.value)) }
    if let person = changes.person { assignments.append("person = " + update.bind(person)) }
    let row = update.bind(id)
    update.sql = "UPDATE entry SET \(assignments.joined(separator: ", ")) WHERE id = \(row)"
    try execute(update)
    return try entry(id: id)
  }

  func remove(ids: [Int64]) throws -> [Entry] {
    var removed: [Entry] = []
    for id in ids where !removed.contains(where: { $0.id == id }) {
      removed.append(try entry(id: id))
      var delete = statement()
      delete += "DELETE FROM entry WHERE id = " + delete.bind(id)
      try execute(delete)
    }
    return removed
  }
}
