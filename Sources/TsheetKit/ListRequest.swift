import TsheetCore

/// What the user asked `tsheet list` for, before the words are resolved into days.
package struct ListRequest: Sendable {
    package var client: String?
    package var from: String?
    package var to: String?
    package var week: String?
    package var search: String?
    package var limit: Int?

    package init(client: String? = nil, from: String? = nil, to: String? = nil, week: String? = nil,
                 search: String? = nil, limit: Int? = nil) {
        self.client = client
        self.from = from
        self.to = to
        self.week = week
        self.search = search
        self.limit = limit
    }
}

extension Context {
    /// The filter `request` describes: `--week` sets both ends, `--from`/`--to` narrow them; no range and no
    /// limit lists the newest `defaultLimit` entries. A limit of 0 means no limit.
    package func filter(for request: ListRequest, defaultLimit: Int = 50) throws -> EntryFilter {
        var filter = EntryFilter(client: request.client?.trimmed, search: request.search)
        if let week = request.week {
            let range = try RangeWord.week(parsing: week, today: today, startingOn: config.weekStart)
            filter.from = range.first
            filter.to = range.last
        }
        if let from = request.from { filter.from = try DateWord.day(parsing: from, today: today) }
        if let to = request.to { filter.to = try DateWord.day(parsing: to, today: today) }
        if let from = filter.from, let to = filter.to, from > to { throw DateError.backwardsRange(from: from, to: to) }
        let hasRange = filter.from != nil || filter.to != nil
        switch request.limit {
        case .some(0): filter.limit = nil
        case .some(let limit): filter.limit = limit
        case .none: filter.limit = hasRange ? nil : defaultLimit
        }
        return filter
    }
}
