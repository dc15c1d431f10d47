import GRDB
import TsheetCore

extension Store {
    /// Every client with its entry count, total time and last day, by name.
    package func clientSummaries() throws -> [ClientSummary] {
        try reading { db in
            try Row.fetchAll(db, sql: """
                SELECT c.name, coalesce(sum(d.entries), 0), coalesce(sum(d.minutes), 0), max(d.day)
                FROM client c LEFT JOIN client_day d ON d.client_id = c.id
                GROUP BY c.id ORDER BY c.name COLLATE NOCASE
                """).map { row in
                ClientSummary(name: row[0], entryCount: row[1], minutes: Minutes(row[2]),
                              lastDay: (row[3] as String?).flatMap { CalendarDay(iso: $0) })
            }
        }
    }

    /// The stored name of the client called `name` in any case.
    /// - Throws: `StoreError.noSuchClient` when there is none.
    package func clientName(_ name: String) throws -> String {
        try reading { db in
            guard let id = try Store.clientID(named: name, in: db),
                  let stored = try String.fetchOne(db, sql: "SELECT name FROM client WHERE id = ?", arguments: [id]) else {
                throw StoreError.noSuchClient(name: name)
            }
            return stored
        }
    }

    /// Renames the client `old` to `new` (a change of case alone is allowed). When the method returns, every
    /// entry of the client carries the new name.
    /// - Throws: `StoreError.clientExists` when another client already has the name `new`.
    package func renameClient(_ old: String, to new: String) throws {
        try writing { db in
            guard let id = try Store.clientID(named: old, in: db) else {
                throw StoreError.noSuchClient(name: old)
            }
            if let other = try Store.clientID(named: new, in: db), other != id {
                throw StoreError.clientExists(name: new)
            }
            try db.execute(sql: "UPDATE client SET name = ?, name_key = ? WHERE id = ?",
                           arguments: [new, Store.key(ofClient: new), id])
        }
    }

    /// Moves every entry of `source` to `target` and removes `source`. When the method returns, only `target`
    /// remains, holding both clients' entries.
    /// - Returns: the number of entries moved.
    package func mergeClient(_ source: String, into target: String) throws -> Int {
        try writing { db in
            guard let from = try Store.clientID(named: source, in: db) else {
                throw StoreError.noSuchClient(name: source)
            }
            guard let into = try Store.clientID(named: target, in: db) else {
                throw StoreError.noSuchClient(name: target)
            }
            guard from != into else { return 0 }
            try db.execute(sql: "UPDATE entry SET client_id = ? WHERE client_id = ?", arguments: [into, from])
            let moved = db.changesCount
            try db.execute(sql: "UPDATE message SET client_id = ? WHERE client_id = ?", arguments: [into, from])
            try db.execute(sql: "DELETE FROM recipient WHERE client_id = ?", arguments: [from])
            try db.execute(sql: "DELETE FROM client WHERE id = ?", arguments: [from])
            return moved
        }
    }

    /// The id of the client called `name` in any case (`Émile` is `émile`), or nil. Of two clients whose
    /// names differ only in case (possible in logs from before names were folded), the one written exactly so
    /// wins, else the older.
    static func clientID(named name: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT id FROM client WHERE name_key = ? ORDER BY name = ? COLLATE BINARY DESC, id LIMIT 1
            """, arguments: [key(ofClient: name), name])
    }

    /// The id of the client called `name` in any case, created when missing.
    static func clientID(creatingIfMissing name: String, in db: Database) throws -> Int64 {
        try clientID(named: name, in: db) ?? createClient(named: name, in: db)
    }

    private static func createClient(named name: String, in db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO client (name, name_key) VALUES (?, ?)", arguments: [name, key(ofClient: name)])
        return db.lastInsertedRowID
    }

    /// The name as clients are matched: in lower case, every alphabet (SQLite's NOCASE folds ASCII only).
    static func key(ofClient name: String) -> String { name.lowercased() }
}

extension Store {
    /// Every client's name, as stored.
    package func clientNames() throws -> [String] {
        try reading { try String.fetchAll($0, sql: "SELECT name FROM client") }
    }
}
