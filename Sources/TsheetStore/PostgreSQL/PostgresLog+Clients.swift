import PostgresNIO
import TsheetCore

extension PostgresLog {
    func clientSummaries() throws -> [ClientSummary] {
        try session.query("""
            SELECT c.name, coalesce(sum(d.entries), 0)::bigint, coalesce(sum(d.minutes), 0)::bigint,
                   \(PostgresDay.number("max(d.day)"))
            FROM client c LEFT JOIN client_day d ON d.client_id = c.id
            GROUP BY c.id ORDER BY lower(c.name), c.name
            """).map { row in
            let (name, entries, minutes, last) = try row.columns((String, Int, Int, Int?).self, url: session.url)
            return ClientSummary(name: name, entryCount: entries, minutes: Minutes(minutes), lastDay: last.map(PostgresDay.day))
        }
    }

    func clientName(_ name: String) throws -> String {
        var statement = PostgresStatement()
        statement += "SELECT name FROM client WHERE id = \(statement.bind(try existingClientID(named: name)))"
        return try session.value(statement) ?? name
    }

    func clientNames() throws -> [String] {
        try session.query("SELECT name FROM client").map { try $0.column(String.self, url: session.url) }
    }

    func renameClient(_ old: String, to new: String) throws {
        let id = try existingClientID(named: old)
        if let other = try clientID(named: new), other != id { throw StoreError.clientExists(name: new) }
        var update = PostgresStatement()
        update += "UPDATE client SET name = \(update.bind(new)), name_key = \(update.bind(ClientName.key(new)))"
        update += " WHERE id = \(update.bind(id))"
        try session.query(update)
    }

    func mergeClient(_ source: String, into target: String) throws -> Int {
        let from = try existingClientID(named: source), into = try existingClientID(named: target)
        guard from != into else { return 0 }
        // The entries, messages and timer move and the recipients go in one statement; its triggers move the
        // daily totals. Then the client, which nothing refers to any more, goes.
        var merge = PostgresStatement()
        let (to, old) = (merge.bind(into), merge.bind(from))
        merge += """
            WITH moved AS (UPDATE entry SET client_id = \(to) WHERE client_id = \(old) RETURNING 1),
                 messages AS (UPDATE message SET client_id = \(to) WHERE client_id = \(old)),
                 timers AS (UPDATE timer SET client_id = \(to) WHERE client_id = \(old)),
                 recipients AS (DELETE FROM recipient WHERE client_id = \(old))
            SELECT count(*) FROM moved
            """
        let moved = try session.value(merge, as: Int.self) ?? 0
        var delete = PostgresStatement()
        delete += "DELETE FROM client WHERE id = \(delete.bind(from))"
        try session.query(delete)
        return moved
    }
}
