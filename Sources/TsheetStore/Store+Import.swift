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
    let insertEntry: Statement
    let insertEntryWithID: Statement
    let insertKey: Statement
    /// Client ids and stored names, by name in lower case.
    var clients: [String: (id: Int64, name: String)] = [:]
    var seenInFile: [Int64: Int] = [:]
    package private(set) var summary = ImportSummary()

    /// Adds `entry` (with `id` when given and free) unless a row with the same content was imported before.
    /// Identical rows within one file are distinct entries: two half-hour calls on one day are real.
    package mutating func add(_ entry: NewEntry, id: Int64?) throws {
        let content = Self.fingerprint(entry)
        let occurrence = seenInFile[content, default: 0]
        seenInFile[content] = occurrence + 1
        try insertKey.execute(arguments: [Self.mix(content, occurrence)])
        guard db.changesCount == 1 else {
            summary.skipped += 1
            return
        }
        let key = entry.client.lowercased()
        if clients[key] == nil {
            let id = try Store.clientID(named: entry.client, creating: true, in: db)!
            let name = try String.fetchOne(db, sql: "SELECT name FROM client WHERE id = ?", arguments: [id]) ?? entry.client
            clients[key] = (id, name)
        }
        let (client, name) = clients[key]!
        let values: [any DatabaseValueConvertible] = [client, entry.title, entry.description, entry.day.description,
                                                      entry.minutes.value]
        if let id, try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM entry WHERE id = ?)", arguments: [id])! {
            try insertEntryWithID.execute(arguments: StatementArguments([id] + values))
        } else {
            try insertEntry.execute(arguments: StatementArguments(values))
        }
        summary.added[name, default: 0] += 1
    }

    /// FNV-1a over the row's content; the client without regard to case.
    static func fingerprint(_ entry: NewEntry) -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for part in [entry.client.lowercased(), entry.title, entry.description, entry.day.description,
                     String(entry.minutes.value)] {
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: hash)
    }

    static func mix(_ hash: Int64, _ occurrence: Int) -> Int64 {
        Int64(bitPattern: (UInt64(bitPattern: hash) ^ UInt64(occurrence)) &* 0x0000_0100_0000_01B3)
    }
}

extension Store {
    /// Runs `body` in one transaction with a batch to add entries to. When the method returns, either every
    /// row `body` added is in the log, or (when `body` throws, or for a dry run) none is.
    /// - Returns: what was added, or would have been on a dry run.
    package func importEntries(dryRun: Bool, _ body: (inout ImportBatch) throws -> Void) throws -> ImportSummary {
        do {
            return try queue.writeWithoutTransaction { db in
                var summary = ImportSummary()
                try db.inTransaction(.immediate) {
                    var batch = ImportBatch(
                        db: db,
                        insertEntry: try db.makeStatement(sql: """
                            INSERT INTO entry (client_id, title, description, day, minutes) VALUES (?, ?, ?, ?, ?)
                            """),
                        insertEntryWithID: try db.makeStatement(sql: """
                            INSERT INTO entry (id, client_id, title, description, day, minutes) VALUES (?, ?, ?, ?, ?, ?)
                            """),
                        insertKey: try db.makeStatement(sql: "INSERT OR IGNORE INTO import_key (key) VALUES (?)"))
                    try body(&batch)
                    summary = batch.summary
                    return dryRun ? .rollback : .commit
                }
                return summary
            }
        } catch {
            throw StoreError.translating(error, path: path)
        }
    }

    /// Calls `body` with every entry matching `filter`, oldest first, reading as it goes: memory stays flat
    /// however many entries there are.
    package func forEachEntry(matching filter: EntryFilter, _ body: (Entry) throws -> Void) throws {
        try reading { db in
            let (sql, arguments) = try Store.whereClause(for: filter, in: db)
            let cursor = try Row.fetchCursor(db, sql: Store.entrySelect + sql + " ORDER BY e.day, e.id", arguments: arguments)
            while let row = try cursor.next() { try body(Store.entry(from: row)) }
        }
    }
}
