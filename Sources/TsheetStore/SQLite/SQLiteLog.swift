import GRDB
import TsheetCore

/// The log as one SQLite transaction sees it: what `SQLiteStore.read` and `write` hand to the use cases.
struct SQLiteLog: LogWriter {
    let db: Database

    /// The id of the client called `name` in any case (`Émile` is `émile`), or nil. Of two clients whose names
    /// differ only in case (possible in logs from before names were folded), the one written exactly so wins,
    /// else the older.
    func clientID(named name: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT id FROM client WHERE name_key = ? ORDER BY name = ? COLLATE BINARY DESC, id LIMIT 1
            """, arguments: [ClientName.key(name), name])
    }

    /// The id of the client called `name` in any case.
    /// - Throws: `StoreError.noSuchClient` when there is none.
    func existingClientID(named name: String) throws -> Int64 {
        guard let id = try clientID(named: name) else { throw StoreError.noSuchClient(name: name) }
        return id
    }

    /// The id of the client called `name` in any case, created when missing.
    func clientID(creatingIfMissing name: String) throws -> Int64 {
        if let id = try clientID(named: name) { return id }
        try ClientRow(name: name, name_key: ClientName.key(name)).insert(db)
        return db.lastInsertedRowID
    }
}
