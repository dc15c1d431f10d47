import GRDB
import TsheetCore

extension Store {
    /// The minutes of the entries matching `filter`, summed in SQLite per row (client, title or both) and per
    /// bucket of days: each cell's `day` is the first day of its bucket. Buckets are days for `.day` and `.week`
    /// (weeks depend on the configured first weekday, so they are rolled up from days by `Pivot`), months for
    /// `.month`, years for `.year`, and the whole range for nil.
    ///
    /// Each entry is rounded by its client's rule in `rounding` (keyed by client name in lower case) before
    /// it is summed; stored minutes are left as logged.
    package func pivotCells(matching filter: EntryFilter, rows: PivotRows, bucket: Period?,
                            rounding: [String: Rounding]) throws -> [PivotCell] {
        try reading { db in
            let (whereClause, filterArguments) = try Store.whereClause(for: filter, in: db)
            let clients = try Store.clientNames(in: db)
            var arguments: StatementArguments = []
            let (table, minutes) = Store.summedSource(for: filter, byTitle: rows.hasTitle, clients: clients,
                                                      rounding: rounding, arguments: &arguments)
            let day: String
            switch bucket {
            case .day, .week: day = "e.day"
            case .month: day = "substr(e.day, 1, 7) || '-01'"
            case .year: day = "substr(e.day, 1, 4) || '-01-01'"
            case nil: day = "min(e.day)"
            }
            var groups = rows.hasClient ? ["e.client_id"] : []
            if rows.hasTitle { groups.append("e.title") }
            if bucket != nil { groups.append("2") }
            let sql = """
                SELECT \(rows.hasClient ? "e.client_id" : "NULL"), \(day), sum(\(minutes)), \
                \(rows.hasTitle ? "e.title" : "NULL") FROM \(table) e\(whereClause) \
                GROUP BY \(groups.isEmpty ? "NULL" : groups.joined(separator: ", "))
                """
            arguments += filterArguments
            // Reading entry after entry in index order comes back to the same inner B-tree pages: SQLite's usual
            // cache keeps them, where the store's small one (`Store.cacheKiB`) would read them again.
            if table == "entry" { try db.execute(sql: "PRAGMA cache_size = -\(Store.revisitingCacheKiB)") }
            return try Array(Row.fetchCursor(db, sql: sql, arguments: arguments).compactMap { row -> PivotCell? in
                guard let day = CalendarDay(iso: row[1] as String? ?? "") else { return nil } // no entries at all
                let client = (row[0] as Int64?).flatMap { clients[$0] }
                return PivotCell(row: PivotRowKey(client: client, title: row[3]), day: day, minutes: Minutes(row[2]))
            })
        }
    }

    /// The minutes of the entries matching `filter`, each rounded by its client's rule in `rounding` (keyed by
    /// client name in lower case): the one sum of a pivot without rows or columns, in a single pass.
    package func billedMinutes(matching filter: EntryFilter, rounding: [String: Rounding]) throws -> Minutes {
        try reading { db in
            let (whereClause, filterArguments) = try Store.whereClause(for: filter, in: db)
            var arguments: StatementArguments = []
            let clients = rounding.isEmpty ? [:] : try Store.clientNames(in: db)
            let (table, minutes) = Store.summedSource(for: filter, byTitle: false, clients: clients,
                                                      rounding: rounding, arguments: &arguments)
            arguments += filterArguments
            let sql = "SELECT coalesce(sum(\(minutes)), 0) FROM \(table) e\(whereClause)"
            return Minutes(try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0)
        }
    }

    /// Every client's name by id.
    private static func clientNames(in db: Database) throws -> [Int64: String] {
        try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, name FROM client")
            .map { (row: Row) -> (Int64, String) in (row[0], row[1]) })
    }

    /// The table a sum over `filter` reads (as `e`), and the SQL of a row's billed minutes. The daily totals
    /// serve when no row needs its title, its text or a rounding rule; otherwise each entry is read and rounded.
    private static func summedSource(for filter: EntryFilter, byTitle: Bool, clients: [Int64: String],
                                     rounding: [String: Rounding],
                                     arguments: inout StatementArguments) -> (table: String, minutes: String) {
        let rules = filter.client.map { name in rounding.filter { $0.key == name.lowercased() } } ?? rounding
        let minutes = roundedMinutes(clients: clients, rounding: rules, arguments: &arguments)
        let perEntry = byTitle || filter.search != nil || minutes != "e.minutes"
        return (perEntry ? "entry" : "client_day", minutes)
    }

    /// The SQL for one entry's billed minutes: a `CASE` over the clients that have a rounding rule.
    private static func roundedMinutes(clients: [Int64: String], rounding: [String: Rounding],
                                       arguments: inout StatementArguments) -> String {
        var cases: [String] = []
        for (id, name) in clients.sorted(by: { $0.key < $1.key }) {
            guard let rule = rounding[name.lowercased()] else { continue }
            switch rule.mode {
            case .up:
                cases.append("WHEN ? THEN (e.minutes + ? - 1) / ? * ?")
                arguments += [id, rule.step.value, rule.step.value, rule.step.value]
            case .nearest:
                cases.append("WHEN ? THEN (e.minutes * 2 + ?) / (2 * ?) * ?")
                arguments += [id, rule.step.value, rule.step.value, rule.step.value]
            }
        }
        return cases.isEmpty ? "e.minutes" : "CASE e.client_id \(cases.joined(separator: " ")) ELSE e.minutes END"
    }
}
