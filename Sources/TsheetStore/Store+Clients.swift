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
        guard let stored = try reading({ try String.fetchOne($0, sql: "SELECT name FROM client WHERE name = ?",
                                                             arguments: [name]) }) else {
            throw StoreError.noSuchClient(name: name)
        }
        return stored
    }

    /// Renames the client `old` to `new` (a change of case alone is allowed). When the method returns, every
    /// entry of the client carries the new name.
    /// - Throws: `StoreError.clientExists` when another client already has the name `new`.
    package func renameClient(_ old: String, to new: String) throws {
        try writing { db in
            guard let id = try Store.clientID(named: old, creating: false, in: db) else {
                throw StoreError.noSuchClient(name: old)
            }
            if let other = try Store.clientID(named: new, creating: false, in: db), other != id {
                throw StoreError.clientExists(name: new)
            }
            try db.execute(sql: "UPDATE client SET name = ? WHERE id = ?", arguments: [new, id])
        }
    }

    /// Moves every entry of `source` to `target` and removes `source`. When the method returns, only `target`
    /// remains, holding both clients' entries.
    /// - Returns: the number of entries moved.
    package func mergeClient(_ source: String, into target: String) throws -> Int {
        try writing { db in
            guard let from = try Store.clientID(named: source, creating: false, in: db) else {
                throw StoreError.noSuchClient(name: source)
            }
            guard let into = try Store.clientID(named: target, creating: false, in: db) else {
                throw StoreError.noSuchClient(name: target)
            }
            guard from != into else { return 0 }
            try db.execute(sql: "UPDATE entry SET client_id = ? WHERE client_id = ?", arguments: [into, from])
            let moved = db.changesCount
            try db.execute(sql: "UPDATE message SET client_id = ? WHERE client_id = ?", arguments: [into, from])
            try db.execute(sql: "DELETE FROM client WHERE id = ?", arguments: [from])
            return moved
        }
    }

    /// The id of the client called `name` in any case, created when missing if `creating` is set.
    static func clientID(named name: String, creating: Bool, in db: Database) throws -> Int64? {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM client WHERE name = ?", arguments: [name]) {
            return id
        }
        guard creating else { return nil }
        try db.execute(sql: "INSERT INTO client (name) VALUES (?)", arguments: [name])
        return db.lastInsertedRowID
    }
}
