import PostgresNIO
import TsheetCore

extension PostgresLog {
    func pivotCells(matching filter: EntryFilter, rows: PivotRows, bucket: Period?, billing: BillingRules) throws
        -> [PivotCell] {
        var statement = PostgresStatement()
        let (table, minutes) = try summedSource(for: filter, byTitle: rows.has(.title), billing: billing, in: &statement)
        let day = switch bucket {
        case .day, .week: "e.day"
        case .month: "date_trunc('month', e.day)::date"
        case .year: "date_trunc('year', e.day)::date"
        case nil: "min(e.day)"
        }
        let columns = PivotDimension.allCases.map { (name: $0.column, grouped: rows.has($0)) }
        let groups = columns.filter(\.grouped).map { "e." + $0.name } + (bucket != nil ? [String(columns.count + 1)] : [])
        statement += "SELECT " + columns.map { $0.grouped ? "e." + $0.name : "NULL" }.joined(separator: ", ")
            + ", \(PostgresDay.number(day)), sum(\(minutes))::bigint FROM \(table) e"
            + (try whereClause(for: filter, in: &statement))
            + (groups.isEmpty ? "" : " GROUP BY " + groups.joined(separator: ", "))
        let names = Dictionary(uniqueKeysWithValues: try session.query("SELECT id, name FROM client").map {
            try $0.columns((Int64, String).self, url: session.url)
        })
        return try session.query(statement).compactMap { row in
            let (client, person, title, day, minutes) = try row.columns((Int64?, String?, String?, Int?, Int?).self,
                                                                         url: session.url)
            guard let day, let minutes else { return nil } // no entries at all
            return PivotCell(row: PivotRowKey(client: client.flatMap { names[$0] }, person: person, title: title),
                             day: PostgresDay.day(day), minutes: Minutes(minutes))
        }
    }

    func billedMinutes(matching filter: EntryFilter, billing: BillingRules) throws -> Minutes {
        var statement = PostgresStatement()
        let (table, minutes) = try summedSource(for: filter, byTitle: false, billing: billing, in: &statement)
        statement += "SELECT coalesce(sum(\(minutes)), 0)::bigint FROM \(table) e" + (try whereClause(for: filter, in: &statement))
        return Minutes(try session.value(statement, as: Int.self) ?? 0)
    }

    func entryCount(matching filter: EntryFilter) throws -> Int {
        var statement = PostgresStatement()
        let count = filter.search == nil ? "coalesce(sum(e.entries), 0)::bigint FROM client_day e" : "count(*) FROM entry e"
        statement += "SELECT \(count)" + (try whereClause(for: filter, in: &statement))
        return try session.value(statement, as: Int.self) ?? 0
    }

    /// The table a sum over `filter` reads (as `e`), and the SQL of a row's billed minutes: the daily totals
    /// when no row needs its title, its text or a rounding rule; otherwise each entry, rounded.
    private func summedSource(for filter: EntryFilter, byTitle: Bool, billing: BillingRules,
                              in statement: inout PostgresStatement) throws -> (table: String, minutes: String) {
        let rules = filter.client.map { billing.restricted(to: [$0]) } ?? billing
        let minutes = try billedMinutesSQL(rules, in: &statement)
        let perEntry = byTitle || filter.search != nil || minutes != "e.minutes"
        return (perEntry ? "entry" : "client_day", minutes)
    }

    /// The SQL for one entry's billed minutes, `e.minutes` rounded by its client's rule, as SQLite's store
    /// rounds (`SQLiteLog.billedMinutesSQL`): integer steps, up or to the nearest.
    func billedMinutesSQL(_ billing: BillingRules, in statement: inout PostgresStatement) throws -> String {
        guard !billing.isEmpty else { return "e.minutes" }
        var cases: [String] = []
        for row in try session.query("SELECT id, name_key FROM client ORDER BY id") {
            let (id, key) = try row.columns((Int64, String).self, url: session.url)
            guard let rule = billing.rule(for: key) else { continue }
            let client = statement.bind(id), step = statement.bind(rule.step.value)
            switch rule.mode {
            case .up: cases.append("WHEN \(client) THEN (e.minutes + \(step) - 1) / \(step) * \(step)")
            case .nearest: cases.append("WHEN \(client) THEN (e.minutes * 2 + \(step)) / (2 * \(step)) * \(step)")
            }
        }
        return cases.isEmpty ? "e.minutes" : "CASE e.client_id \(cases.joined(separator: " ")) ELSE e.minutes END"
    }
}
