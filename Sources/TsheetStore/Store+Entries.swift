import GRDB
import TsheetCore

extension Store {
    /// Logs `entry`, creating its client on first use. When the method returns, the entry is in the log.
    /// - Returns: the entry as stored, with its id and the client's name as first written.
    package func add(_ entry: NewEntry) throws -> Entry {
        try writing { db in
            let client = try Store.clientID(creatingIfMissing: entry.client, in: db)
            try db.execute(
                sql: "INSERT INTO entry (client_id, title, description, day, minutes) VALUES (?, ?, ?, ?, ?)",
                arguments: [client, entry.title, entry.description, entry.day.description, entry.minutes.value])
            return try Store.entry(id: db.lastInsertedRowID, in: db)!
        }
    }

    /// The entry with this id.
    /// - Throws: `StoreError.noSuchEntry` when there is none.
    package func entry(id: Int64) throws -> Entry {
        guard let entry = try reading({ try Store.entry(id: id, in: $0) }) else { throw StoreError.noSuchEntry(id: id) }
        return entry
    }

    /// The entries that match `filter`, newest day first (and, within a day, last logged first).
    package func entries(matching filter: EntryFilter) throws -> [Entry] {
        try reading { db in
            var (sql, arguments) = try Store.whereClause(for: filter, in: db)
            sql = Store.entrySelect + sql + " ORDER BY e.day DESC, e.id DESC"
            if let limit = filter.limit {
                sql += " LIMIT ?"
                arguments += [limit]
            }
            return try Array(Row.fetchCursor(db, sql: sql, arguments: arguments).map(Store.entry(from:)))
        }
    }

    /// Calls `body` with every entry matching `filter` in the order they were logged (by id), reading as it
    /// goes: memory stays flat however many entries there are.
    package func forEachEntry(matching filter: EntryFilter, _ body: (Entry) throws -> Void) throws {
        try reading { db in
            let (sql, arguments) = try Store.whereClause(for: filter, in: db)
            let cursor = try Row.fetchCursor(db, sql: Store.entrySelect + sql + " ORDER BY e.id", arguments: arguments)
            while let row = try cursor.next() { try body(Store.entry(from: row)) }
        }
    }

    /// The `WHERE` clause (empty when nothing is filtered) selecting the entries `e` that match `filter`.
    /// - Throws: `StoreError.noSuchClient` when the filter names a client that does not exist.
    static func whereClause(for filter: EntryFilter, in db: Database) throws -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let name = filter.client {
            guard let client = try Store.clientID(named: name, in: db) else {
                throw StoreError.noSuchClient(name: name)
            }
            conditions.append("e.client_id = ?")
            arguments += [client]
        }
        if let from = filter.from {
            conditions.append("e.day >= ?")
            arguments += [from.description]
        }
        if let to = filter.to {
            conditions.append("e.day <= ?")
            arguments += [to.description]
        }
        if let search = filter.search {
            // instr, not LIKE: no pattern to escape, and no limit on its length. SQLite's lower() folds ASCII
            // letters only, and so does the text searched for.
            let folded = String(decoding: search.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
            conditions.append("(instr(lower(e.title), ?) > 0 OR instr(lower(e.description), ?) > 0)")
            arguments += [folded, folded]
        }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    /// Applies `changes` to the entry `id`. When the method returns, the entry holds the new values.
    /// - Returns: the entry as stored after the change.
    package func update(id: Int64, with changes: EntryChanges) throws -> Entry {
        try writing { db in
            guard try Store.entry(id: id, in: db) != nil else { throw StoreError.noSuchEntry(id: id) }
            var assignments = ["updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"]
            var arguments: StatementArguments = []
            if let client = changes.client {
                assignments.append("client_id = ?")
                arguments += [try Store.clientID(creatingIfMissing: client, in: db)]
            }
            if let title = changes.title { assignments.append("title = ?"); arguments += [title] }
            if let description = changes.description { assignments.append("description = ?"); arguments += [description] }
            if let day = changes.day { assignments.append("day = ?"); arguments += [day.description] }
            if let minutes = changes.minutes { assignments.append("minutes = ?"); arguments += [minutes.value] }
            arguments += [id]
            try db.execute(sql: "UPDATE entry SET \(assignments.joined(separator: ", ")) WHERE id = ?",
                           arguments: arguments)
            return try Store.entry(id: id, in: db)!
        }
    }

    /// Removes the entries `ids`, all or none. When the method returns, none of them is in the log.
    /// - Returns: the removed entries, in the order of `ids`.
    /// - Throws: `StoreError.noSuchEntry` for the first id that does not exist; then nothing is removed.
    package func remove(ids: [Int64]) throws -> [Entry] {
        try writing { db in
            var removed: [Entry] = []
            for id in ids where !removed.contains(where: { $0.id == id }) {
                guard let entry = try Store.entry(id: id, in: db) else { throw StoreError.noSuchEntry(id: id) }
                try db.execute(sql: "DELETE FROM entry WHERE id = ?", arguments: [id])
                removed.append(entry)
            }
            return removed
        }
    }

    static let entrySelect = """
        SELECT e.id, c.name, e.title, e.description, e.day, e.minutes FROM entry e JOIN client c ON c.id = e.client_id
        """

    static func entry(id: Int64, in db: Database) throws -> Entry? {
        try Row.fetchOne(db, sql: entrySelect + " WHERE e.id = ?", arguments: [id]).map(entry(from:))
    }

    /// Reads an entry from a row of `entrySelect`; a malformed day (written by hand) reads as 1970-01-01.
    static func entry(from row: Row) -> Entry {
        Entry(id: row[0], client: row[1], title: row[2], description: row[3],
              day: CalendarDay(iso: row[4] as String) ?? CalendarDay(dayNumber: 0), minutes: Minutes(row[5]))
    }
}
