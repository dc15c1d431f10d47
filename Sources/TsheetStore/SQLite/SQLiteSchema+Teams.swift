import GRDB

extension SQLiteStore {
  /// The migrations from v7 on, in order: a person on every entry and what a team's log needs, then what
  /// reading it fast needs. `person` is who did the work of the entries logged before entries said so.
  static func registerMigrationsSinceTeams(in migrator: inout DatabaseMigrator, person: String) {
    migrator.registerMigration("v7: a person on every entry") { db in
      // The column's default names the person of the entries already there without rewriting a row;
      // every insert names its own. The daily totals are kept per person too.
      let quoted = "'" + person.replacing("'", with: "''") + "'"
      try db.execute(
        sql: """
          ALTER TABLE entry ADD COLUMN person TEXT NOT NULL DEFAULT \(quoted) CHECK (length(trim(person)) > 0);
          DROP TRIGGER entry_uncounted;
          DROP TRIGGER entry_recounted;
          DROP TRIGGER entry_counted;
          CREATE TABLE person_day (
              client_id INTEGER NOT NULL REFERENCES client(id),
              day TEXT NOT NULL,
              person TEXT NOT NULL,
              minutes INTEGER NOT NULL,
              entries INTEGER NOT NULL,
              PRIMARY KEY (client_id, day, person)
          ) WITHOUT ROWID;
          INSERT INTO person_day SELECT client_id, day, \(quoted), minutes, entries FROM client_day;
          DROP TABLE client_day;
          ALTER TABLE person_day RENAME TO client_day;
          CREATE TRIGGER entry_uncounted AFTER DELETE ON entry BEGIN
              UPDATE client_day SET minutes = minutes - OLD.minutes, entries = entries - 1
                  WHERE client_id = OLD.client_id AND day = OLD.day AND person = OLD.person;
              DELETE FROM client_day
                  WHERE client_id = OLD.client_id AND day = OLD.day AND person = OLD.person AND entries = 0;
          END;
          CREATE TRIGGER entry_recounted AFTER UPDATE OF client_id, day, minutes, person ON entry BEGIN
              UPDATE client_day SET minutes = minutes - OLD.minutes, entries = entries - 1
                  WHERE client_id = OLD.client_id AND day = OLD.day AND person = OLD.person;
              DELETE FROM client_day
                  WHERE client_id = OLD.client_id AND day = OLD.day AND person = OLD.person AND entries = 0;
              INSERT INTO client_day (client_id, day, person, minutes, entries)
                  VALUES (NEW.client_id, NEW.day, NEW.person, NEW.minutes, 1)
                  ON CONFLICT (client_id, day, person) DO UPDATE SET minutes = minutes + excluded.minutes,
                                                                     entries = entries + 1;
          END;
          CREATE TRIGGER entry_counted AFTER INSERT ON entry BEGIN
              INSERT INTO client_day (client_id, day, person, minutes, entries)
                  VALUES (NEW.client_id, NEW.day, NEW.person, NEW.minutes, 1)
                  ON CONFLICT (client_id, day, person) DO UPDATE SET minutes = minutes + excluded.minutes,
                                                                     entries = entries + excluded.entries;
          END;
          PRAGMA user_version = 7;
          """)
    }
    migrator.registerMigration("v8: each client's terms in the log") { db in
      // What a client is billed by, set with `tsheet clients set` (or moved once from a config's
      // [clients.NAME] section): the same for every reader of the log. `terms_set_at` is NULL until they were
      // ever set, so that a config section may still be moved in.
      try db.execute(
        sql: """
          ALTER TABLE client ADD COLUMN rounding_step INTEGER CHECK (rounding_step BETWEEN 1 AND 1440);
          ALTER TABLE client ADD COLUMN rounding_mode TEXT NOT NULL DEFAULT 'up'
              CHECK (rounding_mode IN ('up', 'nearest'));
          ALTER TABLE client ADD COLUMN monthly_minutes INTEGER CHECK (monthly_minutes BETWEEN 1 AND 59999);
          ALTER TABLE client ADD COLUMN terms_set_at TEXT;
          PRAGMA user_version = 8;
          """)
    }
    migrator.registerMigration("v9: days off per person, holidays for everyone") { db in
      // A day off is a person's leave, or a holiday for everyone (`person` NULL): one of each per day. The days
      // marked before were keyed by day alone and hid everyone's gaps: they become holidays, and still do.
      try db.execute(
        sql: """
          CREATE TABLE day_off_by_person (
              day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
              person TEXT CHECK (length(trim(person)) > 0),
              reason TEXT NOT NULL DEFAULT ''
          );
          INSERT INTO day_off_by_person (day, person, reason) SELECT day, NULL, reason FROM day_off;
          DROP TABLE day_off;
          ALTER TABLE day_off_by_person RENAME TO day_off;
          CREATE UNIQUE INDEX day_off_of_person ON day_off(day, person) WHERE person IS NOT NULL;
          CREATE UNIQUE INDEX day_off_of_everyone ON day_off(day) WHERE person IS NULL;
          PRAGMA user_version = 9;
          """)
    }
    migrator.registerMigration("v10: pivots by title and person read the day index alone") { db in
      // A pivot by title or person over a range of days read each entry's row after finding it in the day
      // index: rows logged out of order (imports) sit anywhere in the file. With those columns in the index,
      // the sum reads the index alone (a year by week and title: a third of the time).
      try db.execute(
        sql: """
          DROP INDEX entry_by_day;
          CREATE INDEX entry_by_day ON entry(day, client_id, minutes, person, title);
          PRAGMA user_version = 10;
          """)
    }
  }
}
