import TsheetCore

extension SQLLog {
  func renamePerson(_ old: String, to new: String) throws -> Int {
    var count = statement()
    count += "SELECT count(*) AS count FROM entry WHERE person = " + count.bind(old)
    let renamed = try integer(count, column: "count")
    let timers = try rows(statement() + "SELECT person FROM timer").compactMap { try $0.text("person") }
    var leave = statement()
    leave += "SELECT count(*) AS count FROM day_off WHERE person = " + leave.bind(old)
    guard try renamed > 0 || timers.contains(old) || integer(leave, column: "count") > 0 else {
      throw StoreError.noSuchPerson(name: old)
    }
    if old == new { return renamed }
    if timers.contains(old), timers.contains(new) { throw StoreError.bothTimersRun(old: old, new: new) }
    try carryImportKeys(from: old, to: new)
    try renameDaysOff(of: old, to: new)
    for (table, stamp) in [("entry", ", updated_at = \(Statement.now)"), ("timer", "")] {
      var update = statement()
      update += "UPDATE \(table) SET person = \(update.bind(new))\(stamp) WHERE person = \(update.bind(old))"
      try execute(update)
    }
    return renamed
  }

  /// Gives the keys an earlier import stored for `old`'s entries to the same entries as `new`'s, so that the
  /// file brought in again as `new`'s adds nothing (keys mix in the person: `ImportKey.fingerprint`).
  private func carryImportKeys(from old: String, to new: String) throws {
    var select = statement()
    select += """
      SELECT c.name AS client, e.title, e.description, \(Statement.dayValue("e.day")) AS day, e.minutes
      FROM entry e JOIN client c ON c.id = e.client_id WHERE e.person = \(select.bind(old))
      """
    let unmixed = try unmixedPerson()
    var counts: [UInt64: (new: UInt64, count: UInt64)] = [:]
    for row in try rows(select) {
      guard let day = try row.day("day") else { continue }
      func content(_ person: String) throws -> UInt64 {
        ImportKey.fingerprint(
          client: try row.text("client") ?? "", title: try row.text("title") ?? "",
          description: try row.text("description") ?? "", day: day.description,
          minutes: Int(try row.integer("minutes") ?? 0), person: person, unmixed: unmixed)
      }
      let (before, after) = (try content(old), try content(new))
      counts[before, default: (after, 0)].count += 1
    }
    // The keys `old`'s entries may have taken, by the key `new`'s would take; those an import stored go over.
    let pairs = counts.flatMap { old, value in
      (0..<value.count).map { (old: ImportKey.key(old, $0), new: ImportKey.key(value.new, $0)) }
    }
    let newKeys = Dictionary(pairs.map { ($0.old, $0.new) }, uniquingKeysWith: { first, _ in first })
    for start in stride(from: 0, to: pairs.count, by: 500) {
      var held = statement()
      let keys = pairs[start..<min(start + 500, pairs.count)].map { held.bind($0.old) }
      held += "SELECT key, batch FROM import_key WHERE key IN (\(keys.joined(separator: ", ")))"
      for row in try rows(held) {
        guard let key = try row.integer("key"), let batch = try row.integer("batch"), let new = newKeys[key] else {
          continue
        }
        var insert = statement()
        insert += "INSERT INTO import_key (key, batch) VALUES (\(insert.bind(new)), \(insert.bind(batch)))"
        insert += " ON CONFLICT (key) DO NOTHING"
        try execute(insert)
      }
    }
  }
}
