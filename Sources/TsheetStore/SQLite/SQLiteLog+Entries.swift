import GRDB
import TsheetCore

extension SQLiteLog {
    func entry(id: Int64) throws -> Entry {
        guard let entry = try EntryRow.fetchOne(db, sql: EntryRow.select(minutes: "e.minutes") + " WHERE e.id = ?",
                                                arguments: [id]) else { throw StoreError.noSuchEntry(id: id) }
        return entry.entry
    }

    func entries(matching filter: EntryFilter, billing: BillingRules) throws -> [Entry] {
        var arguments: StatementArguments = []
        let minutes = try billedMinutesSQL(billing, arguments: &arguments)
        let (conditions, filterArguments) = try whereClause(for: filter)
        var sql = EntryRow.select(minutes: minutes) + conditions + " ORDER BY e.day DESC, e.id DESC"
        arguments += filterArguments
        if let limit = filter.limit {
            sql += " LIMIT ?"
            arguments += [limit]
        }
        return try EntryRow.fetchAll(db, sql: sql, arguments: arguments).map { $0.entry }
    }

    /// Calls `body` with every entry matching `filter` in the order they were logged, reading as it goes.
    func forEachEntry(matching filter: EntryFilter, _ body: (Entry) throws -> Void) throws {
        let (conditions, arguments) = try whereClause(for: filter)
        let cursor = try EntryRow.fetchCursor(db, sql: EntryRow.select(minutes: "e.minutes") + conditions + " ORDER BY e.id",
                                              arguments: arguments)
        while let row = try cursor.next() { try body(row.entry) }
    }

    func add(_ entry: NewEntry) throws -> Entry {
        try db.execute(
            sql: "INSERT INTO entry (client_id, title, description, day, minutes, person) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [try clientID(creatingIfMissing: entry.client), entry.title, entry.description,
                        entry.day.description, entry.minutes.value, entry.person])
        return try self.entry(id: db.lastInsertedRowID)
    }

    func update(id: Int64, with changes: EntryChanges) throws -> Entry {
        _ = try entry(id: id)
        var assignments = ["updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"]
        var arguments: StatementArguments = []
        if let client = changes.client {
            assignments.append("client_id = ?")
            arguments += [try clientID(creatingIfMissing: client)]
        }
        if let title = changes.title { assignments.append("title = ?"); arguments += [title] }
        if let description = changes.description { assignments.append("description = ?"); arguments += [description] }
        if let day = changes.day { assignments.append("day = ?"); arguments += [day.description] }
        if let minutes = changes.minutes { assignments.append("minutes = ?"); arguments += [minutes.value] }
        if let person = changes.person { assignments.append("person = ?"); arguments += [person] }
        arguments += [id]
        try db.execute(sql: "UPDATE entry SET \(assignments.joined(separator: ", ")) WHERE id = ?", arguments: arguments)
        return try entry(id: id)
    }

    func remove(ids: [Int64]) throws -> [Entry] {
        var removed: [Entry] = []
        for id in ids where !removed.contains(where: { $0.id == id }) {
            removed.append(try entry(id: id))
            try db.execute(sql: "DELETE FROM entry WHERE id = ?", arguments: [id])
        }
        return removed
    }

    /// The `WHERE` clause (empty when nothing is filtered) selecting the entries `e` that match `filter`.
    /// - Throws: `StoreError.noSuchClient` when the filter names a client that does not exist.
    func whereClause(for filter: EntryFilter) throws -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let name = filter.client {
            conditions.append("e.client_id = ?")
            arguments += [try existingClientID(named: name)]
        }
        if let person = filter.person {
            conditions.append("e.person = ?")
            arguments += [person]
        }
        if let from = filter.from {
            conditions.append("e.day >= ?")
            arguments += [from.description]
        }
        if let to = filter.to {
            conditions.append("e.day <= ?")
            arguments += [to.description]
        }
        if let after = filter.after {
            conditions.append("(e.day < ? OR (e.day = ? AND e.id < ?))")
            arguments += [after.day.description, after.day.description, after.id]
        }
        if let search = filter.search {
            // instr, not LIKE: no pattern to escape, and no limit on its length. SQLite's lower() folds ASCII
            // letters only, and so does the text searched for.
            let folded = search.asciiLowercased
            conditions.append("(instr(lower(e.title), ?) > 0 OR instr(lower(e.description), ?) > 0)")
            arguments += [folded, folded]
        }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), arguments)
    }
}
