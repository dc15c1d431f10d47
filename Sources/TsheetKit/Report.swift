import TsheetCore
import TsheetStore

/// What `tsheet report` was asked for.
package struct ReportRequest: Sendable {
    package var range: RangeRequest
    package var client: String?
    package var search: String?
    /// The column period; nil gives totals only.
    package var period: Period?
    package var rows: PivotRows

    package init(range: RangeRequest = RangeRequest(), client: String? = nil, search: String? = nil,
                 period: Period? = .month, rows: PivotRows = .client) {
        self.range = range
        self.client = client
        self.search = search
        self.period = period
        self.rows = rows
    }
}

/// A pivot of the log with what a reader must know to trust it: rounding and contracted hours.
package struct Report: Sendable {
    package var pivot: Pivot
    package var period: Period?
    package var rows: PivotRows
    /// The clients whose entries were rounded, with their rule, by name.
    package var rounding: [(client: String, rule: Rounding)]
    /// The contracts of the clients in the report, for the month of the report's last day or today, the earlier.
    package var contracts: [ContractStatus]
}

extension Context {
    /// The pivot `request` asks for, summed in the store; rounding and contracts come from the config.
    package func report(_ request: ReportRequest, in store: Store) throws -> Report {
        let (from, to) = try bounds(of: request.range)
        let filter = EntryFilter(client: request.client?.trimmed, from: from, to: to, search: request.search)
        let cells = try store.pivotCells(matching: filter, rows: request.rows, bucket: request.period,
                                         rounding: roundingRules)
        let range = from.map { DayRange(first: $0, last: max($0, to ?? today)) }
        let pivot = Pivot(cells: cells, period: request.period, range: range, weekStart: config.weekStart)
        let clients = Set(cells.compactMap(\.row.client)).union(request.client.map { [$0] } ?? [])
        let rounding = clients.sorted().compactMap { client in config.settings(for: client).rounding.map { (client, $0) } }
        return Report(pivot: pivot, period: request.period, rows: request.rows, rounding: rounding,
                      contracts: try contracts(for: clients.sorted(), monthOf: min(to ?? today, today), in: store))
    }

    /// Every client's rounding rule from the config, keyed by lower-case name as the store expects.
    var roundingRules: [String: Rounding] { config.clients.compactMapValues(\.rounding) }

    /// The contract status of each of `clients` that has `monthly_hours`, for the month holding `day`.
    func contracts(for clients: [String], monthOf day: CalendarDay, in store: Store) throws -> [ContractStatus] {
        let month = DayRange.month(containing: day)
        return try clients.compactMap { client in
            guard let allowance = config.settings(for: client).monthlyHours else { return nil }
            let used = try billedMinutes(client: client, in: DayRange(first: month.first, last: day), store: store)
            return ContractStatus(client: client, month: month, allowance: allowance, used: used)
        }
    }

    /// The rounded minutes of `client` over `range`.
    func billedMinutes(client: String, in range: DayRange, store: Store) throws -> Minutes {
        try store.billedMinutes(matching: EntryFilter(client: client, from: range.first, to: range.last),
                                rounding: roundingRules)
    }
}
