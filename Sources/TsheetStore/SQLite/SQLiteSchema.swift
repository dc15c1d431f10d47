import GRDB
import TsheetCore

extension SQLiteStore {
  /// The schema, as the list of its migrations: a released migration is never edited, only followed.
  /// `person` is who did the work of the entries logged before entries said so.
  static func migrator(person: String) -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: clients and entries") { db in
      try db.execute(
        sql: """
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
      try db.execute(
        sql: """
          CREATE INDEX entry_by_client_day ON entry(client_id, day, minutes);
          CREATE INDEX entry_by_day ON entry(day, client_id, minutes);
          """)
    }
    migrator.registerMigration("v2: recipients and messages") { db in
      try db.execute(
        sql: """
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
      try db.execute(
        sql: """
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
          CREATE TRIGGER entry_counted AFTER INSERT ON entry BEGIN
              INSERT INTO client_day (client_id, day, minutes, entries) VALUES (NEW.client_id, NEW.day, NEW.minutes, 1)
                  ON CONFLICT (client_id, day) DO UPDATE SET minutes = minutes + excluded.minutes,
                                                             entries = entries + excluded.entries;
          END;
          """)
    }
    migrator.registerMigration("v5: client names in every case, recipients as addresses, sends under way") { db in
      // `name_key` matches names without regard to case in every alphabet (NOCASE folds ASCII only).
      // Recipients are kept as name and address apart: text was read again at every send, and a name
      // holding a comma could add an address. A message is `sending` while the mail server has it.
      try db.execute(
        sql: """
          ALTER TABLE client ADD COLUMN name_key TEXT;
          CREATE INDEX client_by_key ON client(name_key);
          CREATE TABLE recipient (
              client_id INTEGER NOT NULL REFERENCES client(id),
              kind TEXT NOT NULL CHECK (kind IN ('to', 'cc')),
              position INTEGER NOT NULL,
              name TEXT,
              address TEXT NOT NULL CHECK (length(address) > 0),
              PRIMARY KEY (client_id, kind, position)
          ) WITHOUT ROWID;
          ALTER TABLE message ADD COLUMN state TEXT NOT NULL DEFAULT 'written'
              CHECK (state IN ('written', 'sending', 'sent'));
          UPDATE message SET state = 'sent' WHERE sent_at IS NOT NULL;
          """)
      for row in try Row.fetchAll(db, sql: "SELECT id, name, mail_to, mail_cc FROM client") {
        let id: Int64 = row["id"]
        try db.execute(
          sql: "UPDATE client SET name_key = ? WHERE id = ?",
          arguments: [ClientName.key(row["name"]), id])
        // Written here, not by the log's code of the day: a released migration never changes.
        for (kind, text) in [("to", row["mail_to"] as String), ("cc", row["mail_cc"] as String)] {
          for (position, person) in LegacyRecipients.read(text).enumerated() {
            try db.execute(
              sql: "INSERT INTO recipient (client_id, kind, position, name, address) VALUES (?, ?, ?, ?, ?)",
              arguments: [id, kind, position, person.name, person.address])
          }
        }
      }
      try db.execute(
        sql: """
          ALTER TABLE client DROP COLUMN mail_to;
          ALTER TABLE client DROP COLUMN mail_cc;
          PRAGMA user_version = 5;
          """)
    }
    migrator.registerMigration("v6: a running timer per person, days off") { db in
      // The timer's start is the wall-clock time to the second, `YYYY-MM-DDTHH:MM:SS`, with no zone.
      try db.execute(
        sql: """
          CREATE TABLE timer (
              person TEXT PRIMARY KEY,
              client_id INTEGER NOT NULL REFERENCES client(id),
              title TEXT NOT NULL CHECK (length(trim(title)) > 0),
              description TEXT NOT NULL DEFAULT '',
              started_at TEXT NOT NULL
                  CHECK (started_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]')
          ) WITHOUT ROWID;
          CREATE TABLE day_off (
              day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
              reason TEXT NOT NULL DEFAULT ''
          ) WITHOUT ROWID;
          PRAGMA user_version = 6;
          """)
    }
    registerMigrationsSinceTeams(in: &migrator, person: person)
    return migrator
  }

  /// The person migration v7 gave the entries already there: the log's first person, whose import keys hold none.
  static func firstPerson(in db: Database) throws -> String? {
    let literal = try String.fetchOne(
      db, sql: "SELECT dflt_value FROM pragma_table_info('entry') WHERE name = 'person'")
    guard let literal, literal.count >= 2, literal.hasPrefix("'"), literal.hasSuffix("'") else { return nil }
    return String(literal.dropFirst().dropLast()).replacing("''", with: "'")
  }

  /// The schema version the migrations end at, also written to `PRAGMA user_version`.
  static let schemaVersion = 10
}
