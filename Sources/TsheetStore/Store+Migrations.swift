import GRDB

extension Store {
    /// The schema, as the list of its migrations: a released migration is never edited, only followed.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: clients and entries") { db in
            try db.execute(sql: """
                CREATE TABLE client (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                );
                CREATE TABLE entry (
                    id INTEGER PRIMARY KEY,
                    client_id INTEGER NOT NULL REFERENCES client(id),
                    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                    description TEXT NOT NULL DEFAULT '',
                    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                );
                -- Day keys as ISO text: month and year are prefixes, and both indexes cover the pivot's sums.
                CREATE INDEX entry_by_client_day ON entry(client_id, day, minutes);
                CREATE INDEX entry_by_day ON entry(day, client_id, minutes);
                """)
        }
        return migrator
    }

    /// Refuses a schema from a newer tsheet, then applies the migrations this file lacks.
    static func migrateIfNeeded(_ queue: DatabaseQueue, path: String) throws {
        let migrator = Store.migrator
        let (superseded, complete) = try queue.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
        }
        if superseded { throw StoreError.newerSchema(path: path) }
        if !complete { try migrator.migrate(queue) }
    }
}
