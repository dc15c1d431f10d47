import GRDB
import TsheetCore

extension SQLiteLog {
    func pivotCells(matching filter: EntryFilter, rows: PivotRows, bucket: Period?, billing: BillingRules) throws
        -> [PivotCell] {
        var arguments: StatementArguments = []
        let (table, minutes) = try summedSource(for: filter, byTitle: rows.has(.title), billing: billing,
                                                arguments: &arguments)
        let (conditions, filterArguments) = try whereClause(for: filter)
        let day = switch bucket {
        case .day, .week: "e.day"
        case .month: "substr(e.day, 1, 7) || '-01'"
        case .year: "substr(e.day, 1, 4) || '-01-01'"
        case nil: "min(e.day)"
        }
        let columns = PivotDimension.allCases.map { (name: $0.column, grouped: rows.has($0)) }
        let groups = columns.filter(\.grouped).map { "e." + $0.name } + (bucket != nil ? [String(columns.count + 1)] : [])
        let sql = "SELECT " + columns.map { ($0.grouped ? "e." : "NULL AS ") + $0.name }.joined(separator: ", ")
            + ", \(day) AS day, sum(\(minutes)) AS minutes FROM \(table) e\(conditions)"
            + (groups.isEmpty ? "" : " GROUP BY " + groups.joined(separator: ", "))
        let names = try Dictionary(uniqueKeysWithValues: ClientNameRow.fetchAll(db, sql: "SELECT id, name FROM client")
            .map { ($0.id, $0.name) })
        arguments += filterArguments
        // Reading entry after entry in index order comes back to the same inner B-tree pages: SQLite's usual
        // cache keeps them, where the store's small one (`SQLiteStore.cacheKiB`) would read them again.
        if table == "entry" { try db.execute(sql: "PRAGMA cache_size = -\(SQLiteStore.revisitingCacheKiB)") }
        return try PivotCellRow.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
            guard let day = CalendarDay(iso: row.day ?? "") else { return nil } // no entries at all
            return PivotCell(row: PivotRowKey(client: row.client_id.flatMap { names[$0] }, person: row.person,
                                              title: row.title), day: day, minutes: Minutes(row.minutes))
        }
    }

    func billedMinutes(matching filter: EntryFilter, billing: BillingRules) throws -> Minutes {
        var arguments: StatementArguments = []
        let (table, minutes) = try summedSource(for: filter, byTitle: false, billing: billing, arguments: &arguments)
        let (conditions, filterArguments) = try whereClause(for: filter)
        arguments += filterArguments
        return Minutes(try Int.fetchOne(db, sql: "SELECT coalesce(sum(\(minutes)), 0) FROM \(table) e\(conditions)",
                                        arguments: arguments) ?? 0)
    }

    func entryCount(matching filter: EntryFilter) throws -> Int {
        let (conditions, arguments) = try whereClause(for: filter)
        let count = filter.search == nil ? "coalesce(sum(e.entries), 0) FROM client_day e" : "count(*) FROM entry e"
        return try Int.fetchOne(db, sql: "SELECT \(count)\(conditions)", arguments: arguments) ?? 0
    }

    /// The table a sum over `filter` reads (as `e`), and the SQL of a row's billed minutes. The daily totals
    /// serve when no row needs its title, its text or a rounding rule; otherwise each entry is read and rounded.
    private func summedSource(for filter: EntryFilter, byTitle: Bool, billing: BillingRules,
                              arguments: inout StatementArguments) throws -> (table: String, minutes: String) {
        let rules = filter.client.map { billing.restricted(to: [$0]) } ?? billing
        let minutes = try billedMinutesSQL(rules, arguments: &arguments)
        let perEntry = byTitle || filter.search != nil || minutes != "e.minutes"
        return (perEntry ? "entry" : "client_day", minutes)
    }

    /// The SQL for one entry's billed minutes, `e.minutes` rounded by its client's rule: the one place tsheet
    /// rounds in SQL (reports, the email's entries and its month and year to date all come through here); its
    /// Swift twin is `Rounding.billed`, and `BillingTests` pins that the two agree.
    func billedMinutesSQL(_ billing: BillingRules, arguments: inout StatementArguments) throws -> String {
        guard !billing.isEmpty else { return "e.minutes" }
        var cases: [String] = []
        for client in try ClientKeyRow.fetchAll(db, sql: "SELECT id, name_key FROM client ORDER BY id") {
            guard let rule = billing.rule(for: client.name_key ?? "") else { continue }
            switch rule.mode {
            case .up: cases.append("WHEN ? THEN (e.minutes + ? - 1) / ? * ?")
            case .nearest: cases.append("WHEN ? THEN (e.minutes * 2 + ?) / (2 * ?) * ?")
            }
            arguments += [client.id, rule.step.value, rule.step.value, rule.step.value]
        }
        return cases.isEmpty ? "e.minutes" : "CASE e.client_id \(cases.joined(separator: " ")) ELSE e.minutes END"
    }
}
