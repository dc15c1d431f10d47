import PostgresNIO
import TsheetCore

extension PostgresLog {
    func timer(of person: String) throws -> RunningTimer? {
        var select = PostgresStatement()
        select += """
            SELECT c.name, t.title, t.description, t.started_at FROM timer t JOIN client c ON c.id = t.client_id
            WHERE t.person = \(select.bind(person))
            """
        guard let row = try session.query(select).first else { return nil }
        let (client, title, description, startedAt) = try row.columns((String, String, String, String).self, url: session.url)
        guard let started = LocalTime(iso: startedAt) else {
            throw StoreError.unexpectedShape(path: session.url, reason: "the timer's start '\(startedAt)' is not a time")
        }
        return RunningTimer(client: client, title: title, description: description, started: started)
    }

    func start(_ timer: RunningTimer, for person: String) throws -> RunningTimer {
        var insert = PostgresStatement()
        insert += """
            INSERT INTO timer (person, client_id, title, description, started_at) VALUES (\(insert.bind(person)), \
            \(insert.bind(try clientID(creatingIfMissing: timer.client))), \(insert.bind(timer.title)), \
            \(insert.bind(timer.description)), \(insert.bind(timer.started.isoSecond)))
            """
        try session.query(insert)
        return try self.timer(of: person) ?? timer
    }

    func removeTimer(of person: String) throws {
        var delete = PostgresStatement()
        delete += "DELETE FROM timer WHERE person = \(delete.bind(person))"
        try session.query(delete)
    }

    func daysOff(in range: DayRange?) throws -> [DayOff] {
        var select = PostgresStatement()
        select += "SELECT \(PostgresDay.number("day")), reason FROM day_off WHERE day BETWEEN "
            + select.bind(day: range?.first ?? .firstSupported) + " AND " + select.bind(day: range?.last ?? .lastSupported)
            + " ORDER BY day"
        return try session.query(select).map { row in
            let (day, reason) = try row.columns((Int, String).self, url: session.url)
            return DayOff(day: PostgresDay.day(day), reason: reason)
        }
    }

    func markOff(_ dayOff: DayOff) throws {
        var upsert = PostgresStatement()
        upsert += "INSERT INTO day_off (day, reason) VALUES (\(upsert.bind(day: dayOff.day)), \(upsert.bind(dayOff.reason)))"
        upsert += " ON CONFLICT (day) DO UPDATE SET reason = excluded.reason"
        try session.query(upsert)
    }

    func unmarkOff(_ day: CalendarDay) throws -> Bool {
        var delete = PostgresStatement()
        delete += "DELETE FROM day_off WHERE day = \(delete.bind(day: day)) RETURNING day"
        return try !session.query(delete).isEmpty
    }
}
