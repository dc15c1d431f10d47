import TsheetCore

/// What the user asked `tsheet list` for, before the words are resolved into days.
package struct ListRequest: Sendable {
    package var client: String?
    package var range: RangeRequest
    package var search: String?
    package var limit: Int?

    package init(client: String? = nil, range: RangeRequest = RangeRequest(), search: String? = nil,
                 limit: Int? = nil) {
        self.client = client
        self.range = range
        self.search = search
        self.limit = limit
    }
}

extension Context {
    /// The filter `request` describes. No range and no limit lists the newest `defaultLimit` entries; a limit of
    /// 0 means no limit.
    package func filter(for request: ListRequest, defaultLimit: Int = 50) throws -> EntryFilter {
        let (from, to) = try bounds(of: request.range)
        var filter = EntryFilter(client: request.client?.trimmed, from: from, to: to, search: request.search)
        switch request.limit {
        case .some(0): filter.limit = nil
        case .some(let limit): filter.limit = limit
        case .none: filter.limit = from == nil && to == nil ? defaultLimit : nil
        }
        return filter
    }
}
