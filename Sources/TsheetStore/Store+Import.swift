import GRDB
import GRDBSQLite
import TsheetCore

/// What an import added, by client name, and how many rows it had seen before.
package struct ImportSummary: Sendable, Equatable {
    package var added: [String: Int] = [:]
    package var skipped = 0

    package init(added: [String: Int] = [:], skipped: Int = 0) {
        self.added = added
        self.skipped = skipped
    }

    package var total: Int { added.values.reduce(0, +) }
}

/// Adds imported entries inside the import's one transaction.
///
/// Each row goes straight into `entry`; what can wait is done once, at the end (`finish`): the daily totals,
/// the import keys of a first import, and the entry indexes when there were enough rows to drop them.
package struct ImportBatch {
    let db: Database
    /// This import's number in `import_key.batch`.
    let batch: Int64
    let statements: Statements
    /// Whether earlier imports left keys, so that each row must be looked up. Otherwise no row can repeat one of
    /// theirs, and the keys are written at the end, in order: far cheaper than one at a time.
    let deduplicates: Bool
    /// When the rows were imported, for their `created_at` and `updated_at`.
    let now: String
    /// Client ids and stored names, by the name rows give.
    var clients: [String: (id: Int64, name: String)] = [:]
    /// The content fingerprint of each row added, for the keys written at the end when `deduplicates` is off.
    var contents: [UInt64] = []
    /// Minutes and entries added per client and day, for `client_day`.
    var totals: [ClientDay: DayTotal] = [:]
    /// Whether the entry indexes were dropped to be built once at the end, as a large import goes faster so.
    var indexesDropped = false
    package private(set) var summary = ImportSummary()

    struct Statements {
        let insertEntry: Statement
        let insertEntryWithID: Statement
        let findKey: Statement
        let insertKey: Statement
        let claimKey: Statement
        let sameEntry: Statement
    }

    struct ClientDay: Hashable {
        let client: Int64
        let day: CalendarDay
    }

    struct DayTotal {
        var minutes = 0
        var entries = 0

        mutating func count(_ entry: NewEntry) {
            minutes += entry.minutes.value
            entries += 1
        }
    }

    /// Adds `entry` (with `id` when given and free) unless an earlier import brought a row with the same content
    /// that no row of this import has matched yet. Identical rows within one import are distinct entries: two
    /// half-hour calls on one day are real.
    package mutating func add(_ entry: NewEntry, id: Int64?) throws {
        let day = entry.day.description
        let content = Self.fingerprint(entry, day: day)
        if deduplicates {
            guard try takeKey(of: content) else {
                summary.skipped += 1
                return
            }
        }
        let (client, stored) = try client(named: entry.client)
        if let id { try statements.insertEntryWithID.insert(id: id, client: client, entry, day: day, at: now) }
        if id == nil || db.changesCount == 0 {
            // The id is taken: by this very entry (a log's own export, brought back), which is then already
            // there; or by another one, and the row gets a new id.
            if let id, try holds(id: id, client: client, entry, day: day) {
                summary.skipped += 1
                return
            }
            try statements.insertEntry.insert(id: nil, client: client, entry, day: day, at: now)
        }
        if !deduplicates { contents.append(content) }
        totals[ClientDay(client: client, day: entry.day), default: DayTotal()].count(entry)
        summary.added[stored, default: 0] += 1
        if summary.total == Self.rowsBeforeDroppingIndexes { try dropIndexes() }
    }

    /// Takes the first key of `content` this import does not hold yet. False when an earlier import held it: the
    /// row repeats one of its rows, and the key now belongs to this import.
    private func takeKey(of content: UInt64) throws -> Bool {
        var occurrence: UInt64 = 0
        while true {
            let key = Self.key(content, occurrence)
            guard let owner = try Int64.fetchOne(statements.findKey, arguments: [key]) else {
                try statements.insertKey.execute(arguments: [key, batch])
                return true
            }
            if owner != batch {
                try statements.claimKey.execute(arguments: [batch, key])
                return false
            }
            occurrence += 1 // an identical row earlier in this import: look at the next occurrence
        }
    }

    /// Whether the entry `id` holds exactly `entry`, on the client `client`.
    private func holds(id: Int64, client: Int64, _ entry: NewEntry, day: String) throws -> Bool {
        try Bool.fetchOne(statements.sameEntry, arguments: [id, client, entry.title, entry.description, day,
                                                            entry.minutes.value]) ?? false
    }

    /// The id and stored name of the client `name`, created when new.
    private mutating func client(named name: String) throws -> (id: Int64, name: String) {
        if let known = clients[name] { return known }
        let id = try Store.clientID(creatingIfMissing: name, in: db)
        let stored = try String.fetchOne(db, sql: "SELECT name FROM client WHERE id = ?", arguments: [id]) ?? name
        clients[name] = (id, stored)
        return (id, stored)
    }

    /// Past this many rows, the entry indexes are dropped and built again at the end, in one pass.
    static let rowsBeforeDroppingIndexes = 20_000

    private mutating func dropIndexes() throws {
        try db.execute(sql: "DROP INDEX entry_by_client_day; DROP INDEX entry_by_day")
        indexesDropped = true
    }

    /// Writes what `add` put off: the keys of a first import, the daily totals (and the trigger that keeps them
    /// from now on), and the indexes it dropped, built by two threads.
    consuming func finish() throws {
        if !deduplicates { try writeKeys() }
        let upsert = try db.makeStatement(sql: Store.addingToDailyTotal("?, ?, ?, ?"))
        for (key, total) in totals {
            try upsert.execute(arguments: [key.client, key.day.description, total.minutes, total.entries])
        }
        try db.execute(sql: Store.countingTrigger)
        guard indexesDropped else { return }
        // Two sorter threads; each sorts in memory as much as the page cache holds, so the cache shrinks first.
        try db.execute(sql: "PRAGMA cache_size = -\(Store.revisitingCacheKiB); PRAGMA threads = 2")
        defer { try? db.execute(sql: "PRAGMA threads = 0") }
        try db.execute(sql: Store.entryIndexes)
    }

    /// The keys of every row, as `takeKey` would have taken them one by one: identical contents are numbered
    /// 0, 1, 2… Written in key order, many to a statement.
    private mutating func writeKeys() throws {
        contents.sort()
        var keys: [Int64] = []
        keys.reserveCapacity(contents.count)
        var occurrence: UInt64 = 0
        for (index, content) in contents.enumerated() {
            occurrence = index > 0 && contents[index - 1] == content ? occurrence + 1 : 0
            keys.append(Self.key(content, occurrence))
        }
        contents = []
        keys.sort()
        // Two different rows can mix to one key (a 64-bit coincidence); the second is then simply not stored.
        func insert(count: Int) -> String {
            "INSERT OR IGNORE INTO import_key (key, batch) VALUES "
                + Array(repeating: "(?, \(batch))", count: count).joined(separator: ", ")
        }
        let full = insert(count: 200)
        for start in stride(from: 0, to: keys.count, by: 200) {
            let chunk = keys[start..<min(start + 200, keys.count)]
            try db.cachedStatement(sql: chunk.count == 200 ? full : insert(count: chunk.count))
                .execute(arguments: StatementArguments(chunk))
        }
    }

    /// FNV-1a over the row's content; the client without regard to case. Keys are stored: never change the result.
    static func fingerprint(_ entry: NewEntry, day: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3
        }
        let client = entry.client.utf8
        if client.allSatisfy({ $0 < 0x80 }) { // lower case without a new string: ASCII letters only
            mix(client.lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
        } else {
            mix(entry.client.lowercased().utf8)
        }
        mix(entry.title.utf8)
        mix(entry.description.utf8)
        mix(day.utf8)
        mix(String(entry.minutes.value).utf8)
        return hash
    }

    static func key(_ content: UInt64, _ occurrence: UInt64) -> Int64 {
        Int64(bitPattern: (content ^ occurrence) &* 0x0000_0100_0000_01B3)
    }
}

private extension Statement {
    /// Inserts `entry` with a statement whose placeholders are (`id`,) client, title, description, day, minutes,
    /// created and updated. The values are bound through SQLite's C API: GRDB's `StatementArguments` cost
    /// more than the insert itself, a third of a million-row import.
    func insert(id: Int64?, client: Int64, _ entry: NewEntry, day: String, at time: String) throws {
        sqlite3_reset(sqliteStatement) // SQLite binds only to a statement that is not running
        var index: Int32 = 0
        func bound(_ code: Int32) throws {
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), sql: sql) }
        }
        func bind(_ value: Int64) throws {
            index += 1
            try bound(sqlite3_bind_int64(sqliteStatement, index, value))
        }
        func bind(_ text: String) throws {
            index += 1
            var text = text
            try bound(text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { characters in
                    sqlite3_bind_text(sqliteStatement, index, characters.baseAddress, Int32(characters.count),
                                      Self.transient)
                }
            })
        }
        if let id { try bind(id) }
        try bind(client)
        try bind(entry.title)
        try bind(entry.description)
        try bind(day)
        try bind(Int64(entry.minutes.value))
        try bind(time)
        try bind(time)
        try execute() // resets and steps; SQLite keeps the bindings across the reset
    }

    /// SQLite's `SQLITE_TRANSIENT`: copy the bytes now.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// The statement, told that its arguments are bound (to NULL for now), so that `execute()` runs it with the
    /// values `insert` binds.
    func boundRaw() -> Statement {
        let count = Int(sqlite3_bind_parameter_count(sqliteStatement))
        setUncheckedArguments(StatementArguments(Array(repeating: nil as (any DatabaseValueConvertible)?, count: count)))
        return self
    }
}

extension Store {
    /// The entry indexes, as the first migration creates them.
    static let entryIndexes = """
        CREATE INDEX entry_by_client_day ON entry(client_id, day, minutes);
        CREATE INDEX entry_by_day ON entry(day, client_id, minutes);
        """

    /// The trigger that counts each new entry into `client_day`, as migration v4 creates it. An import drops it
    /// and counts its rows itself, in one statement per day at the end.
    static let countingTrigger = """
        CREATE TRIGGER entry_counted AFTER INSERT ON entry BEGIN
            \(addingToDailyTotal("NEW.client_id, NEW.day, NEW.minutes, 1"));
        END;
        """

    /// The SQL that adds minutes and entries to a client's day in `client_day`; `values` are the four columns'.
    static func addingToDailyTotal(_ values: String) -> String {
        """
        INSERT INTO client_day (client_id, day, minutes, entries) VALUES (\(values))
            ON CONFLICT (client_id, day) DO UPDATE SET minutes = minutes + excluded.minutes,
                                                       entries = entries + excluded.entries
        """
    }

    /// Runs `body` in one transaction with a batch to add entries to. When the method returns, either every
    /// row `body` added is in the log, or (when `body` throws, or for a dry run) none is.
    /// - Returns: what was added, or would have been on a dry run.
    package func importEntries(dryRun: Bool, _ body: (inout ImportBatch) throws -> Void) throws -> ImportSummary {
        do {
            return try queue.writeWithoutTransaction { db in
                // A re-import looks keys up all over `import_key`: a bigger cache keeps those pages in memory
                // (8 MB: the import stays under 64 MB at a million rows).
                try db.execute(sql: "PRAGMA cache_size = -8000")
                defer { try? db.execute(sql: "PRAGMA cache_size = -\(Store.cacheKiB)") }
                var summary = ImportSummary()
                try db.inTransaction(.immediate) {
                    let batch = try Int64.fetchOne(db, sql: "SELECT coalesce(max(batch), 0) + 1 FROM import_key") ?? 1
                    try db.execute(sql: "DROP TRIGGER entry_counted") // the batch counts its rows at the end
                    var importer = ImportBatch(db: db, batch: batch, statements: .init(
                        insertEntry: try db.makeStatement(sql: """
                            INSERT INTO entry (client_id, title, description, day, minutes, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """).boundRaw(),
                        insertEntryWithID: try db.makeStatement(sql: """
                            INSERT OR IGNORE INTO entry (id, client_id, title, description, day, minutes, created_at,
                                                         updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """).boundRaw(),
                        findKey: try db.makeStatement(sql: "SELECT batch FROM import_key WHERE key = ?"),
                        insertKey: try db.makeStatement(sql: "INSERT INTO import_key (key, batch) VALUES (?, ?)"),
                        claimKey: try db.makeStatement(sql: "UPDATE import_key SET batch = ? WHERE key = ?"),
                        sameEntry: try db.makeStatement(sql: """
                            SELECT EXISTS (SELECT 1 FROM entry WHERE id = ? AND client_id = ? AND title = ?
                                           AND description = ? AND day = ? AND minutes = ?)
                            """)),
                        deduplicates: batch > 1,
                        now: try String.fetchOne(db, sql: "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')")!)
                    try body(&importer)
                    summary = importer.summary
                    try importer.finish()
                    return dryRun ? .rollback : .commit
                }
                return summary
            }
        } catch {
            throw StoreError.translating(error, path: path)
        }
    }
}
