import GRDB
import TsheetCore

extension SQLiteLog {
    func timer(of person: String) throws -> RunningTimer? {
        guard let row = try TimerRow.fetchOne(db, sql: """
            SELECT c.name AS client, t.title, t.description, t.started_at
            FROM timer t JOIN client c ON c.id = t.client_id WHERE t.person = ?
            """, arguments: [person]) else { return nil }
        guard let started = LocalTime(iso: row.started_at) else {
            // Told as SQLite's own mismatch: the store names the file (`StoreError.unexpectedShape`).
            throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "the timer's start '\(row.started_at)' is not a time")
        }
        return RunningTimer(client: row.client, title: row.title, description: row.description, started: started)
    }

    func start(_ timer: RunningTimer, for person: String) throws -> RunningTimer {
        try db.execute(sql: """
            INSERT INTO timer (person, client_id, title, description, started_at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [person, try clientID(creatingIfMissing: timer.client), timer.title, timer.description,
                             timer.started.isoSecond])
        return try self.timer(of: person) ?? timer
    }

    func removeTimer(of person: String) throws {
        try db.execute(sql: "DELETE FROM timer WHERE person = ?", arguments: [person])
    }

    func daysOff(in range: DayRange?) throws -> [DayOff] {
        try Row.fetchAll(db, sql: "SELECT day, reason FROM day_off WHERE day BETWEEN ? AND ? ORDER BY day",
                         arguments: [(range?.first ?? .firstSupported).description,
                                     (range?.last ?? .lastSupported).description]).compactMap { row in
            CalendarDay(iso: row["day"]).map { DayOff(day: $0, reason: row["reason"]) }
        }
    }

    func markOff(_ dayOff: DayOff) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO day_off (day, reason) VALUES (?, ?)",
                       arguments: [dayOff.day.description, dayOff.reason])
    }

    func unmarkOff(_ day: CalendarDay) throws -> Bool {
        try db.execute(sql: "DELETE FROM day_off WHERE day = ?", arguments: [day.description])
        return db.changesCount > 0
    }
}

/// The running timer of a person, with its client's name.
struct TimerRow: Decodable, FetchableRecord {
    var client: String
    var title: String
    var description: String
    var started_at: String
}
