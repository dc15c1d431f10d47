import PostgresNIO
import TsheetCore

extension PostgresStore {
  /// Imports as `SQLiteStore` does, rows sent a batch at a time as arrays (`unnest`): one statement adds
  /// thousands of entries, and the daily totals follow them by the statement trigger.
  package func importEntries(
    dryRun: Bool,
    _ body: @escaping @Sendable (_ add: (NewEntry, Int64?) throws -> Void) throws -> Void
  )
    throws -> ImportSummary
  {
    try writing(keeping: !dryRun) { log in
      var batch = try PostgresImportBatch(log: log)
      try body { entry, id in try batch.add(entry, id: id) }
      try batch.flush()
      return try batch.finish()
    }
  }
}

/// The rows of one import on the server, kept until `batchSize` of them are sent in one statement.
struct PostgresImportBatch {
  let log: PostgresLog
  /// This import's number in `import_key.batch`.
  let batch: Int64
  /// Whether earlier imports left keys, so that each row's must be looked up. Otherwise no row can repeat one
  /// of theirs, and the keys are written at the end, in order (`contents`).
  let deduplicates: Bool
  /// The id the next row without a free id of its own gets: the log's newest plus one, and on. Writes follow
  /// one another (the write lock), so no one else takes ids meanwhile.
  private var nextID: Int64
  /// Rows waiting to be sent, with their fingerprint and, when `deduplicates`, the key each takes and its
  /// occurrence among the rows of its content.
  private var pending: [(entry: NewEntry, id: Int64?, content: UInt64, key: Int64, occurrence: UInt64)] = []
  /// How many rows of each content this import has read, when `deduplicates`: the next one's occurrence.
  private var occurrences: [UInt64: UInt64] = [:]
  /// The fingerprints of the rows added: the keys of a first import, and for telling the `held` rows apart.
  private var contents: [UInt64] = []
  /// Rows whose keys earlier imports held: counted at the end as in the log, or removed or changed since.
  private var held = HeldRows()
  /// Ids this import gave to entries.
  private var usedIDs: Set<Int64> = []
  /// Client ids and stored names, by the name rows give.
  private var clients: [String: (id: Int64, name: String)] = [:]
  /// What was added, and the rows whose ids held the very same entry.
  private var summary = ImportSummary()

  static let batchSize = 10_000

  init(log: PostgresLog) throws {
    self.log = log
    batch = try log.session.value(PostgresStatement("SELECT coalesce(max(batch), 0) + 1 FROM import_key")) ?? 1
    deduplicates = batch > 1
    nextID = try log.session.value(PostgresStatement("SELECT coalesce(max(id), 0) + 1 FROM entry")) ?? 1
  }

  /// Takes the row; rows are sent `batchSize` at a time. A row whose key an earlier import holds is skipped:
  /// its key is the content's fingerprint and the number of identical rows before it in this import, as on
  /// SQLite (`ImportKey`).
  mutating func add(_ entry: NewEntry, id: Int64?) throws {
    let content = ImportKey.fingerprint(entry, day: entry.day.description, unmixed: nil)
    var key: Int64 = 0
    var occurrence: UInt64 = 0
    if deduplicates {
      occurrence = occurrences[content, default: 0]
      occurrences[content] = occurrence + 1
      key = ImportKey.key(content, occurrence)
    }
    pending.append((entry, id, content, key, occurrence))
    if pending.count == Self.batchSize { try flush() }
  }

  /// Sends the pending rows: those the log holds already (by key, or by id with the very same entry) are
  /// skipped, the rest added with their id when it is free.
  mutating func flush() throws {
    guard !pending.isEmpty else { return }
    defer { pending.removeAll(keepingCapacity: true) }
    let session = log.session
    var heldKeys: Set<Int64> = []
    if deduplicates {
      var known = PostgresStatement()
      known += "SELECT key FROM import_key WHERE key = ANY(\(known.bind(pending.map(\.key))))"
      heldKeys = Set(try session.rows(known).map { try $0.value("key", as: Int64.self) })
    }
    var taken = PostgresStatement(StoredEntry.select(PostgresStatement.self))
    taken += " WHERE e.id = ANY(\(taken.bind(pending.compactMap(\.id))))"
    var existing: [Int64: StoredEntry] = [:]
    for row in try pending.contains(where: { $0.id != nil }) ? session.rows(taken) : [] {
      existing[try row.value("id")] = try StoredEntry(row: row)
    }
    var columns = (
      ids: [Int64](), clients: [Int64](), people: [String](), titles: [String](),
      descriptions: [String](), days: [Int64](), minutes: [Int64]()
    )
    var keys: [Int64] = []
    for (entry, id, content, key, occurrence) in pending {
      if deduplicates { keys.append(key) }
      let same = id.flatMap { existing[$0] } == StoredEntry(entry)
      if heldKeys.contains(key) {
        held.add(content: content, occurrence: occurrence, day: entry.day)
        continue
      }
      if same {
        summary.skipped += 1
        continue
      }
      let client = try client(named: entry.client)
      if let id, existing[id] == nil, usedIDs.insert(id).inserted {
        columns.ids.append(id)
      } else {
        while !usedIDs.insert(nextID).inserted { nextID += 1 }
        columns.ids.append(nextID)
      }
      contents.append(content)
      columns.clients.append(client.id)
      columns.people.append(entry.person)
      columns.titles.append(entry.title)
      columns.descriptions.append(entry.description)
      columns.days.append(Int64(entry.day.dayNumber))
      columns.minutes.append(Int64(entry.minutes.value))
      summary.added[client.name, default: 0] += 1
    }
    var insert = PostgresStatement()
    insert += """
      INSERT INTO entry (id, client_id, person, title, description, day, minutes)
      SELECT r.id, r.client_id, r.person, r.title, r.description, DATE '1970-01-01' + r.day::integer, r.minutes
      FROM unnest(\(insert.bind(columns.ids)), \(insert.bind(columns.clients)), \(insert.bind(columns.people)), \
      \(insert.bind(columns.titles)), \(insert.bind(columns.descriptions)), \(insert.bind(columns.days)), \
      \(insert.bind(columns.minutes))) AS r(id, client_id, person, title, description, day, minutes)
      """
    if !columns.ids.isEmpty { try session.query(insert) }
    if deduplicates { try claim(keys) }
  }

  /// Stores `keys` as this import's, in key order (neighbouring keys share the index's pages); a key an
  /// earlier import held becomes this one's. Two different rows can mix to one key (a 64-bit coincidence): it
  /// is stored once.
  private func claim(_ keys: [Int64]) throws {
    let sorted = Set(keys).sorted()
    for start in stride(from: 0, to: sorted.count, by: Self.batchSize) {
      var claim = PostgresStatement()
      claim += "INSERT INTO import_key (key, batch) SELECT k, \(claim.bind(batch)) FROM unnest("
      claim += claim.bind(Array(sorted[start..<min(start + Self.batchSize, sorted.count)]))
      claim += ") AS k ON CONFLICT (key) DO UPDATE SET batch = excluded.batch"
      try log.session.query(claim)
    }
  }

  /// Writes the keys of a first import, and moves the id sequence past the ids the import kept, so that the
  /// next entry logged gets a free one.
  /// - Returns: what the import added, by client name, and what it skipped.
  func finish() throws -> ImportSummary {
    if !deduplicates { try claim(ImportKey.keys(ofContents: contents)) }
    try log.session.query(
      """
      SELECT setval(pg_get_serial_sequence('entry', 'id'), greatest((SELECT max(id) FROM entry), 1))
      """)
    var result = summary
    let gone = try goneSince()
    result.skipped += held.count - gone
    result.goneSince = gone
    return result
  }

  /// How many `held` rows the log no longer holds as they came, from the fingerprints of its entries on their
  /// days.
  private func goneSince() throws -> Int {
    guard let days = held.days else { return 0 }
    let session = log.session
    var select = PostgresStatement()
    select += "SELECT c.name, e.title, e.description, to_char(e.day, 'YYYY-MM-DD') AS day, e.minutes, e.person"
    select += " FROM entry e JOIN client c ON c.id = e.client_id"
    select += " WHERE e.day BETWEEN \(select.bind(day: days.lowerBound)) AND \(select.bind(day: days.upperBound))"
    let fingerprints = try session.rows(select).map { row in
      ImportKey.fingerprint(
        client: try row.value("name"), title: try row.value("title"),
        description: try row.value("description"), day: try row.value("day"),
        minutes: try row.value("minutes"), person: try row.value("person"), unmixed: nil)
    }
    return held.gone(logEntries: fingerprints, added: contents)
  }

  /// The id and stored name of the client `name`, created when new.
  private mutating func client(named name: String) throws -> (id: Int64, name: String) {
    if let known = clients[name] { return known }
    let stored = try log.storedClient(creatingIfMissing: name)
    clients[name] = stored
    return stored
  }
}
