import PostgresNIO
import TsheetCore

/// The log as one PostgreSQL transaction sees it: what `PostgresStore.read` and `write` hand to the use cases.
struct PostgresLog: LogWriter {
    let session: PostgresSession

    /// The id of the client called `name` in any case (`Émile` is `émile`), or nil.
    func clientID(named name: String) throws -> Int64? {
        var statement = PostgresStatement()
        statement += "SELECT id FROM client WHERE name_key = \(statement.bind(ClientName.key(name)))"
        return try session.value(statement)
    }

    /// The id of the client called `name` in any case.
    /// - Throws: `StoreError.noSuchClient` when there is none.
    func existingClientID(named name: String) throws -> Int64 {
        guard let id = try clientID(named: name) else { throw StoreError.noSuchClient(name: name) }
        return id
    }

    /// The id of the client called `name` in any case, created when missing (by whichever member is first).
    func clientID(creatingIfMissing name: String) throws -> Int64 {
        if let id = try clientID(named: name) { return id }
        var insert = PostgresStatement()
        insert += "INSERT INTO client (name, name_key) VALUES (\(insert.bind(name)), \(insert.bind(ClientName.key(name))))"
        insert += " ON CONFLICT (name_key) DO NOTHING RETURNING id"
        if let id: Int64 = try session.value(insert) { return id }
        return try existingClientID(named: name)
    }

    /// The SQL that reads entries as `Entry.init(postgres:)` takes them, `minutes` as given (logged, or billed).
    static func entrySelect(minutes: String) -> String {
        "SELECT e.id, c.name, e.title, e.description, \(PostgresDay.number("e.day")), (\(minutes))::integer, e.person"
            + " FROM entry e JOIN client c ON c.id = e.client_id"
    }

    /// The entries `statement` reads (made by `entrySelect`).
    func entries(_ statement: PostgresStatement) throws -> [Entry] {
        try session.query(statement).map { row in
            let (id, client, title, description, day, minutes, person) = try row.columns(
                (Int64, String, String, String, Int, Int, String).self, url: session.url)
            return Entry(id: id, client: client, title: title, description: description, day: PostgresDay.day(day),
                         minutes: Minutes(minutes), person: person)
        }
    }

    func entry(id: Int64) throws -> Entry {
        var statement = PostgresStatement(Self.entrySelect(minutes: "e.minutes"))
        statement += " WHERE e.id = \(statement.bind(id))"
        guard let entry = try entries(statement).first else { throw StoreError.noSuchEntry(id: id) }
        return entry
    }

    func entries(matching filter: EntryFilter, billing: BillingRules) throws -> [Entry] {
        var statement = PostgresStatement()
        let minutes = try billedMinutesSQL(billing, in: &statement)
        statement += Self.entrySelect(minutes: minutes) + (try whereClause(for: filter, in: &statement))
            + " ORDER BY e.day DESC, e.id DESC"
        if let limit = filter.limit { statement += " LIMIT \(statement.bind(limit))" }
        return try entries(statement)
    }

    func add(_ entry: NewEntry) throws -> Entry {
        var insert = PostgresStatement()
        insert += """
            INSERT INTO entry (client_id, person, title, description, day, minutes) VALUES (\
            \(insert.bind(try clientID(creatingIfMissing: entry.client))), \(insert.bind(entry.person)), \
            \(insert.bind(entry.title)), \(insert.bind(entry.description)), \(insert.bind(day: entry.day)), \
            \(insert.bind(entry.minutes.value))) RETURNING id
            """
        guard let id: Int64 = try session.value(insert) else { throw StoreError.unexpectedShape(path: session.url, reason: "no id") }
        return try self.entry(id: id)
    }

    func update(id: Int64, with changes: EntryChanges) throws -> Entry {
        _ = try entry(id: id)
        var update = PostgresStatement()
        var assignments = ["updated_at = now()"]
        if let client = changes.client { assignments.append("client_id = " + update.bind(try clientID(creatingIfMissing: client))) }
        if let title = changes.title { assignments.append("title = " + update.bind(title)) }
        if let description = changes.description { assignments.append("description = " + update.bind(description)) }
        if let day = changes.day { assignments.append("day = " + update.bind(day: day)) }
        if let minutes = changes.minutes { assignments.append("minutes = " + update.bind(minutes.value)) }
        if let person = changes.person { assignments.append("person = " + update.bind(person)) }
        update += "UPDATE entry SET \(assignments.joined(separator: ", ")) WHERE id = \(update.bind(id))"
        try session.query(update)
        return try entry(id: id)
    }

    func remove(ids: [Int64]) throws -> [Entry] {
        var removed: [Entry] = []
        for id in ids where !removed.contains(where: { $0.id == id }) {
            removed.append(try entry(id: id))
            var delete = PostgresStatement()
            delete += "DELETE FROM entry WHERE id = \(delete.bind(id))"
            try session.query(delete)
        }
        return removed
    }

    /// The `WHERE` clause (empty when nothing is filtered) selecting the entries `e` that match `filter`, its
    /// values bound in `statement`.
    /// - Throws: `StoreError.noSuchClient` when the filter names a client that does not exist.
    func whereClause(for filter: EntryFilter, in statement: inout PostgresStatement) throws -> String {
        var conditions: [String] = []
        if let name = filter.client { conditions.append("e.client_id = " + statement.bind(try existingClientID(named: name))) }
        if let person = filter.person { conditions.append("e.person = " + statement.bind(person)) }
        if let from = filter.from { conditions.append("e.day >= " + statement.bind(day: from)) }
        if let to = filter.to { conditions.append("e.day <= " + statement.bind(day: to)) }
        if let after = filter.after {
            let day = statement.bind(day: after.day)
            conditions.append("(e.day < \(day) OR (e.day = \(day) AND e.id < \(statement.bind(after.id))))")
        }
        if let search = filter.search {
            // ASCII letters folded, and nothing else: the search SQLite's store makes.
            let fold = "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'"
            let text = statement.bind(search.asciiLowercased)
            conditions.append("(strpos(translate(e.title, \(fold)), \(text)) > 0 OR strpos(translate(e.description, \(fold)), \(text)) > 0)")
        }
        return conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    }
}
