import Foundation
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
                """)
            // Day keys as ISO text: month and year are prefixes, and both indexes cover the pivot's sums.
            try db.execute(sql: Store.entryIndexes)
        }
        migrator.registerMigration("v2: recipients and messages") { db in
            try db.execute(sql: """
                ALTER TABLE client ADD COLUMN mail_to TEXT NOT NULL DEFAULT '';
                ALTER TABLE client ADD COLUMN mail_cc TEXT NOT NULL DEFAULT '';
                ALTER TABLE client ADD COLUMN lang TEXT;
                -- Every message written or sent, so that the next one replies in the same thread.
                CREATE TABLE message (
                    id INTEGER PRIMARY KEY,
                    client_id INTEGER NOT NULL REFERENCES client(id),
                    variant TEXT NOT NULL CHECK (variant IN ('day', 'week', 'month')),
                    first_day TEXT NOT NULL,
                    last_day TEXT NOT NULL,
                    message_id TEXT NOT NULL UNIQUE,
                    refs TEXT NOT NULL DEFAULT '',
                    subject TEXT NOT NULL,
                    mail_to TEXT NOT NULL,
                    mail_cc TEXT NOT NULL DEFAULT '',
                    mail_bcc TEXT NOT NULL DEFAULT '',
                    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
                    sent_at TEXT
                );
                CREATE INDEX message_by_client ON message(client_id, id);
                """)
        }
        migrator.registerMigration("v3: import keys") { db in
            // A fingerprint of every imported row (its content and how many identical rows came before it in
            // the same import), so that importing a file twice adds nothing; `batch` is the import that claimed it.
            try db.execute(sql: "CREATE TABLE import_key (key INTEGER PRIMARY KEY, batch INTEGER NOT NULL)")
        }
        migrator.registerMigration("v4: daily totals") { db in
            // Each client's minutes and entries per day, kept by triggers in the transaction that changes the
            // entries: sums by client read a row a day instead of a row an entry (a year is ~250 rows, not
            // tens of thousands).
            try db.execute(sql: """
                CREATE TABLE client_day (
                    client_id INTEGER NOT NULL REFERENCES client(id),
                    day TEXT NOT NULL,
                    minutes INTEGER NOT NULL,
                    entries INTEGER NOT NULL,
                    PRIMARY KEY (client_id, day)
                ) WITHOUT ROWID;
                INSERT INTO client_day SELECT client_id, day, sum(minutes), count(*) FROM entry GROUP BY client_id, day;
                CREATE TRIGGER entry_uncounted AFTER DELETE ON entry BEGIN
                    UPDATE client_day SET minutes = minutes - OLD.minutes, entries = entries - 1
                        WHERE client_id = OLD.client_id AND day = OLD.day;
                    DELETE FROM client_day WHERE client_id = OLD.client_id AND day = OLD.day AND entries = 0;
                END;
                CREATE TRIGGER entry_recounted AFTER UPDATE OF client_id, day, minutes ON entry BEGIN
                    UPDATE client_day SET minutes = minutes - OLD.minutes, entries = entries - 1
                        WHERE client_id = OLD.client_id AND day = OLD.day;
                    DELETE FROM client_day WHERE client_id = OLD.client_id AND day = OLD.day AND entries = 0;
                    INSERT INTO client_day (client_id, day, minutes, entries) VALUES (NEW.client_id, NEW.day, NEW.minutes, 1)
                        ON CONFLICT (client_id, day) DO UPDATE SET minutes = minutes + excluded.minutes,
                                                                   entries = entries + 1;
                END;
                """)
            try db.execute(sql: Store.countingTrigger)
        }
        return migrator
    }

    /// Refuses a schema from a newer tsheet, then switches a new file to WAL and applies the migrations it
    /// lacks. The setup runs under an exclusive lock on the file, so two tsheets creating one log at the same
    /// instant do not both migrate it.
    static func prepare(_ queue: DatabaseQueue, path: String) throws {
        let migrator = Store.migrator
        func state() throws -> (superseded: Bool, ready: Bool) {
            try queue.read { db in
                let wal = try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal"
                let complete = try migrator.hasCompletedMigrations(db)
                return (try migrator.hasBeenSuperseded(db), wal && complete)
            }
        }
        // Fast path, without the lock; when it fails or finds work to do, look again under the lock, since
        // another tsheet may be setting the file up at this very moment.
        if let current = try? state(), current.ready, !current.superseded { return }
        try withExclusiveLock(on: path) {
            let current = try state()
            if current.superseded { throw StoreError.newerSchema(path: path) }
            if current.ready { return }
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
            try migrator.migrate(queue)
        }
    }

    /// Runs `body` holding an advisory `flock` on the folder of `path`.
    ///
    /// Not on the database file itself: closing any descriptor of that file would drop the POSIX locks SQLite
    /// holds on it in this process, and another process could then checkpoint the WAL away under our feet.
    private static func withExclusiveLock(on path: String, _ body: () throws -> Void) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else {
            throw StoreError.io(path: path, reason: String(cString: strerror(errno)))
        }
        defer { flock(descriptor, LOCK_UN) }
        try body()
    }
}
