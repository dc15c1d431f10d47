import GRDB
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
package struct ImportBatch {
    let db: Database
    /// This import's number in `import_key.batch`.
    let batch: Int64
    let statements: Statements
    /// Client ids and stored names, by name in lower case.
    var clients: [String: (id: Int64, name: String)] = [:]
    /// Whether the entry indexes were dropped to be built once at the end, as a large import goes faster so.
    var indexesDropped = false
    package private(set) var summary = ImportSummary()

    struct Statements {
        let insertEntry: Statement
        let insertEntryWithID: Statement
        let findKey: Statement
        let insertKey: Statement
        let claimKey: Statement
    }

    /// Adds `entry` (with `id` when given and free) unless an earlier import brought a row with the same content
    /// that no row of this import has matched yet. Identical rows within one import are distinct entries: two
    /// half-hour calls on one day are real.
    package mutating func add(_ entry: NewEntry, id: Int64?) throws {
        let content = Self.fingerprint(entry)
        var occurrence: UInt64 = 0
        while true {
            let key = Self.key(content, occurrence)
            guard let owner = try Int64.fetchOne(statements.findKey, arguments: [key]) else {
                try statements.insertKey.execute(arguments: [key, batch])
                break
            }
            if owner != batch { // a row of an earlier import: this one is the same, so it is skipped
                try statements.claimKey.execute(arguments: [batch, key])
                summary.skipped += 1
                return
            }
            occurrence += 1 // an identical row earlier in this import: look at the next occurrence
        }
        let name = entry.client.lowercased()
        if clients[name] == nil {
            let id = try Store.clientID(named: entry.client, creating: true, in: db)!
            clients[name] = (id, try String.fetchOne(db, sql: "SELECT name FROM client WHERE id = ?", arguments: [id])
                ?? entry.client)
        }
        let (client, stored) = clients[name]!
        let values: [any DatabaseValueConvertible] = [client, entry.title, entry.description, entry.day.description,
                                                      entry.minutes.value]
        // An id already taken (by an entry of this log) leaves the row to get a new one.
        if let id { try statements.insertEntryWithID.execute(arguments: StatementArguments([id] + values)) }
        if id == nil || db.changesCount == 0 {
            try statements.insertEntry.execute(arguments: StatementArguments(values))
        }
        summary.added[stored, default: 0] += 1
        if summary.total == Self.rowsBeforeDroppingIndexes { try dropIndexes() }
    }

    /// Past this many rows, the entry indexes are dropped and built again at the end, in one pass.
    static let rowsBeforeDroppingIndexes = 20_000

    private mutating func dropIndexes() throws {
        try db.execute(sql: "DROP INDEX entry_by_client_day; DROP INDEX entry_by_day")
        indexesDropped = true
    }

    /// Builds again the indexes `dropIndexes` dropped.
    func restoreIndexes() throws {
        guard indexesDropped else { return }
        try db.execute(sql: Store.entryIndexes)
    }

    /// FNV-1a over the row's content; the client without regard to case.
    static func fingerprint(_ entry: NewEntry) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for part in [entry.client.lowercased(), entry.title, entry.description, entry.day.description,
                     String(entry.minutes.value)] {
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func key(_ content: UInt64, _ occurrence: UInt64) -> Int64 {
        Int64(bitPattern: (content ^ occurrence) &* 0x0000_0100_0000_01B3)
    }
}

extension Store {
    /// The entry indexes, as the first migration creates them.
    static let entryIndexes = """
        CREATE INDEX entry_by_client_day ON entry(client_id, day, minutes);
        CREATE INDEX entry_by_day ON entry(day, client_id, minutes);
        """

    /// Runs `body` in one transaction with a batch to add entries to. When the method returns, either every
    /// row `body` added is in the log, or (when `body` throws, or for a dry run) none is.
    /// - Returns: what was added, or would have been on a dry run.
    package func importEntries(dryRun: Bool, _ body: (inout ImportBatch) throws -> Void) throws -> ImportSummary {
        do {
            return try queue.writeWithoutTransaction { db in
                // A large import touches pages all over the file: a bigger cache keeps them in memory rather
                // than spilling them to the WAL and reading them back.
                try db.execute(sql: "PRAGMA cache_size = -16000")
                defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
                var summary = ImportSummary()
                try db.inTransaction(.immediate) {
                    let batch = try Int64.fetchOne(db, sql: "SELECT coalesce(max(batch), 0) + 1 FROM import_key") ?? 1
                    var importer = ImportBatch(db: db, batch: batch, statements: .init(
                        insertEntry: try db.makeStatement(sql: """
                            INSERT INTO entry (client_id, title, description, day, minutes) VALUES (?, ?, ?, ?, ?)
                            """),
                        insertEntryWithID: try db.makeStatement(sql: """
                            INSERT OR IGNORE INTO entry (id, client_id, title, description, day, minutes)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """),
                        findKey: try db.makeStatement(sql: "SELECT batch FROM import_key WHERE key = ?"),
                        insertKey: try db.makeStatement(sql: "INSERT INTO import_key (key, batch) VALUES (?, ?)"),
                        claimKey: try db.makeStatement(sql: "UPDATE import_key SET batch = ? WHERE key = ?")))
                    try body(&importer)
                    try importer.restoreIndexes()
                    summary = importer.summary
                    return dryRun ? .rollback : .commit
                }
                return summary
            }
        } catch {
            throw StoreError.translating(error, path: path)
        }
    }
}
