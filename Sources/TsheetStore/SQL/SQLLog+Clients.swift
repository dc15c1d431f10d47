import TsheetCore

extension SQLLog {
  func clientSummaries() throws -> [ClientSummary] {
    try rows(
      statement() + """
        SELECT c.name, \(Statement.integer("coalesce(sum(d.entries), 0)")) AS entries, \
        \(Statement.integer("coalesce(sum(d.minutes), 0)")) AS minutes, \(Statement.dayValue("max(d.day)")) AS last_day
        FROM client c LEFT JOIN client_day d ON d.client_id = c.id
        GROUP BY c.id ORDER BY \(Statement.caseless("c.name"))
        """
    ).map { row in
      ClientSummary(
        name: try row.text("name") ?? "", entryCount: Int(try row.integer("entries") ?? 0),
        minutes: Minutes(Int(try row.integer("minutes") ?? 0)), lastDay: try row.day("last_day"))
    }
  }

  func clientName(_ name: String) throws -> String {
    var select = statement()
    select += "SELECT name FROM client WHERE id = " + select.bind(try existingClientID(named: name))
    return try rows(select).first?.text("name") ?? name
  }

  /// The id and stored name of the client called `name` in any case, created when missing: the client an
  /// import adds a row to, and the name its summary counts it under.
  func storedClient(creatingIfMissing name: String) throws -> (id: Int64, name: String) {
    let id = try clientID(creatingIfMissing: name)
    var select = statement()
    select += "SELECT name FROM client WHERE id = " + select.bind(id)
    return (id, try rows(select).first?.text("name") ?? name)
  }

  func clientNames() throws -> [String] {
    try rows(statement() + "SELECT name FROM client").compactMap { try $0.text("name") }
  }

  func renameClient(_ old: String, to new: String) throws {
    let id = try existingClientID(named: old)
    if let other = try clientID(named: new), other != id { throw StoreError.clientExists(name: new) }
    var update = statement()
    update += "UPDATE client SET name = \(update.bind(new)), name_key = \(update.bind(ClientName.key(new)))"
    update += " WHERE id = \(update.bind(id))"
    try execute(update)
  }

  /// Moves the entries, messages and timer and removes the recipients (the triggers move the daily totals);
  /// then the client, which nothing refers to any more, goes.
  func mergeClient(_ source: String, into target: String) throws -> Int {
    let from = try existingClientID(named: source)
    let into = try existingClientID(named: target)
    guard from != into else { return 0 }
    var count = statement()
    count += "SELECT count(*) AS count FROM entry WHERE client_id = " + count.bind(from)
    let moved = try integer(count, column: "count")
    for table in ["entry", "message", "timer"] {
      var update = statement()
      update += "UPDATE \(table) SET client_id = \(update.bind(into)) WHERE client_id = \(update.bind(from))"
      try execute(update)
    }
    for (table, column) in [("recipient", "client_id"), ("client", "id")] {
      var delete = statement()
      delete += "DELETE FROM \(table) WHERE \(column) = " + delete.bind(from)
      try execute(delete)
    }
    return moved
  }
}
