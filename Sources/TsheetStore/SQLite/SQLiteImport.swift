import GRDB
import TsheetCore

extension SQLiteStore {
  package func importEntries(
    dryRun: Bool,
    _ body: @escaping @Sendable (_ add: (NewEntry, Int64?) throws -> Void) throws -> Void
  )
    throws -> ImportSummary
  {
    try translatingErrors {
      try queue.writeWithoutTransaction { db in
        // A re-import looks keys up all over `import_key`: a bigger cache keeps those pages in memory
        // (8 MB: the import stays under 64 MB at a million rows).
        try db.execute(sql: "PRAGMA cache_size = -8000")
        defer { try? db.execute(sql: "PRAGMA cache_size = -\(SQLiteStore.cacheKiB)") }
        var summary = ImportSummary()
        try db.inTransaction(.immediate) {
          let firstPerson = try SQLiteStore.firstPerson(in: db)
          var batch = try ImportBatch(db: db, unmixed: firstPerson)
          // The file is read (and each row's key and day text made) on a thread of its own while this
          // one writes the rows: the writing is the longer half.
          try pipelined(
            produce: { yield in
              try body { entry, id in try yield(PreparedRow(entry, id: id, unmixed: firstPerson)) }
            }, consume: { try batch.add($0) })
          summary = try batch.finish()
          return dryRun ? .rollback : .commit
        }
        return summary
      }
    }
  }
}

/// An entry on its way in, with what can be made of it before the database sees it: its day as text and the
/// fingerprint of its content.
struct PreparedRow: Sendable {
  let entry: NewEntry
  let id: Int64?
  let day: String
  let content: UInt64

  /// The row, fingerprinted without its person when it is `unmixed` (see `ImportKey.fingerprint`).
  init(_ entry: NewEntry, id: Int64?, unmixed: String?) {
    self.entry = entry
    self.id = id
    day = entry.day.description
    content = ImportKey.fingerprint(entry, day: day, unmixed: unmixed)
  }
}

/// The rows of one import, added inside its transaction as fast as SQLite allows.
///
/// Each row goes straight into `entry`, bound through SQLite's C API; what can wait is done once, at the end
/// (`finish`): the daily totals (the counting trigger is dropped meanwhile), the import keys of a first import,
/// and the entry indexes, dropped past `rowsBeforeDroppingIndexes` and built again by two sorter threads.
struct ImportBatch {
  let db: Database
  /// This import's number in `import_key.batch`.
  let batch: Int64
  let statements: ImportStatements
  /// Whether earlier imports left keys, so that each row must be looked up. Otherwise no row can repeat one of
  /// theirs, and the keys are written at the end, in order: far cheaper than one at a time.
  let deduplicates: Bool
  /// When the rows were imported, for their `created_at` and `updated_at`.
  let now: String
  /// The schema objects dropped for the import, with the SQL that makes them again.
  var dropped: [(name: String, sql: String)] = []
  /// Client ids and stored names, by the name rows give.
  var clients: [String: (id: Int64, name: String)] = [:]
  /// Entries added, by client id.
  var added: [Int64: Int] = [:]
  /// Rows whose id held the very same entry.
  var skipped = 0
  /// Rows whose keys earlier imports held: counted at the end as in the log, or removed or changed since.
  var held = HeldRows()
  /// Rows added.
  var rows = 0
  /// The content fingerprint of each row added: for the keys written at the end when `deduplicates` is off,
  /// and for telling the `held` rows apart.
  var contents: [UInt64] = []
  /// The person of the log's entries from before entries named one (see `ImportKey.fingerprint`).
  let unmixed: String?
  /// The first and last days the import added to: the daily totals of its clients (`added`) on those days and
  /// the ones between are counted again at the end.
  var days: ClosedRange<CalendarDay>?

  /// Past this many rows, the entry indexes are dropped and built again at the end, in one pass.
  static let rowsBeforeDroppingIndexes = 20_000

  init(db: Database, unmixed: String?) throws {
    self.db = db
    self.unmixed = unmixed
    batch = try Int64.fetchOne(db, sql: "SELECT coalesce(max(batch), 0) + 1 FROM import_key") ?? 1
    deduplicates = batch > 1
    now = try String.fetchOne(db, sql: "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')") ?? ""
    statements = try ImportStatements(db: db)
    try drop(["entry_counted"])  // the batch counts its rows at the end
  }

  /// Adds the row's entry (with its id when given and free) unless an earlier import brought a row with the
  /// same content that no row of this import has matched yet, or the id already holds this very entry.
  /// Identical rows within one import are distinct entries: two half-hour calls on one day are real.
  mutating func add(_ row: PreparedRow) throws {
    let (entry, id, day, content) = (row.entry, row.id, row.day, row.content)
    if deduplicates, let occurrence = try takeKey(of: content) {
      held.add(content: content, occurrence: occurrence, day: entry.day)
      return
    }
    let client = try client(named: entry.client)
    if let id { try statements.insertEntryWithID.insert(id: id, client: client, entry, day: day, at: now) }
    if id == nil || db.changesCount == 0 {
      // The id is taken: by this very entry (a log's own export, brought back), which is then already
      // there; or by another one, and the row gets a new id.
      if let id, let stored = try Row.fetchOne(statements.storedEntry, arguments: [id]),
        try StoredEntry(row: SQLiteRow(row: stored)) == StoredEntry(entry)
      {
        skipped += 1
        return
      }
      try statements.insertEntry.insert(id: nil, client: client, entry, day: day, at: now)
    }
    contents.append(content)
    days = days.map { min($0.lowerBound, entry.day)...max($0.upperBound, entry.day) } ?? entry.day...entry.day
    added[client, default: 0] += 1
    rows += 1
    if rows == Self.rowsBeforeDroppingIndexes { try drop(["entry_by_client_day", "entry_by_day"]) }
  }

  /// The id of the client `name`, created when new.
  private mutating func client(named name: String) throws -> Int64 {
    if let known = clients[name] { return known.id }
    let stored = try SQLiteLog(db: db).storedClient(creatingIfMissing: name)
    clients[name] = stored
    return stored.id
  }

  /// Drops the schema objects `names`, keeping the SQL that made them (as the migrations wrote it).
  private mutating func drop(_ names: [String]) throws { dropped += try db.dropSchemaObjects(names) }

  /// Writes what `add` put off: the keys of a first import, what was dropped (the indexes built by two
  /// threads, each sorting in a cache of `revisitingCacheKiB`), and the daily totals of the clients and days
  /// it touched, counted again from their entries as migration v4 first counted them.
  /// - Returns: what the import added, by client name, and what it skipped.
  consuming func finish() throws -> ImportSummary {
    if !deduplicates { try writeKeys() }
    try db.execute(sql: "PRAGMA cache_size = -\(SQLiteStore.revisitingCacheKiB); PRAGMA threads = 2")
    defer { try? db.execute(sql: "PRAGMA threads = 0") }
    for object in dropped { try db.execute(sql: object.sql) }
    let names = Dictionary(clients.values.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    let gone = try goneSince()
    let summary = ImportSummary(
      added: Dictionary(added.map { (names[$0.key] ?? "", $0.value) }, uniquingKeysWith: +),
      skipped: skipped + held.count - gone, goneSince: gone)
    guard let days else { return summary }
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO client_day (client_id, day, person, minutes, entries)
        SELECT client_id, day, person, sum(minutes), count(*) FROM entry
        WHERE client_id IN (\(added.keys.map(String.init).joined(separator: ","))) AND day BETWEEN ? AND ?
        GROUP BY client_id, day, person
        """, arguments: [days.lowerBound.description, days.upperBound.description])
    return summary
  }

  /// How many `held` rows the log no longer holds as they came, from the fingerprints of its entries on their
  /// days.
  private func goneSince() throws -> Int {
    guard let days = held.days else { return 0 }
    var fingerprints: [UInt64] = []
    let entries = try Row.fetchCursor(
      db,
      sql: """
        SELECT c.name, e.title, e.description, e.day, e.minutes, e.person
        FROM entry e JOIN client c ON c.id = e.client_id WHERE e.day BETWEEN ? AND ?
        """, arguments: [days.lowerBound.description, days.upperBound.description])
    while let entry = try entries.next() {
      fingerprints.append(
        ImportKey.fingerprint(
          client: entry[0], title: entry[1], description: entry[2],
          day: entry[3], minutes: entry[4], person: entry[5],
          unmixed: unmixed))
    }
    return held.gone(logEntries: fingerprints, added: contents)
  }
}
