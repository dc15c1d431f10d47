import TsheetCore

/// The range words a command was given: `--week`, `--month`, `--year` set both ends, `--from`/`--to` narrow them.
package struct RangeRequest: Sendable, Equatable {
    package var from: String?
    package var to: String?
    package var week: String?
    package var month: String?
    package var year: String?

    package init(from: String? = nil, to: String? = nil, week: String? = nil, month: String? = nil,
                 year: String? = nil) {
        self.from = from
        self.to = to
        self.week = week
        self.month = month
        self.year = year
    }
}

/// Why range words cannot be combined.
package enum RangeRequestError: UserError, Equatable {
    case severalPeriods

    package var exitStatus: ExitStatus { .usage }
    package var description: String {
        "give one of --week, --month and --year (add --from/--to to narrow it)."
    }
}

extension Context {
    /// The first and last day `request` names; nil ends are open.
    package func bounds(of request: RangeRequest) throws -> (from: CalendarDay?, to: CalendarDay?) {
        let periods = [request.week, request.month, request.year].compactMap { $0 }
        if periods.count > 1 { throw RangeRequestError.severalPeriods }
        var range: DayRange?
        if let week = request.week { range = try RangeWord.week(parsing: week, today: today, startingOn: config.weekStart) }
        if let month = request.month { range = try RangeWord.month(parsing: month, today: today) }
        if let year = request.year { range = try RangeWord.year(parsing: year, today: today) }
        var from = range?.first, to = range?.last
        if let text = request.from { from = try max(DateWord.day(parsing: text, today: today), from ?? .firstSupported) }
        if let text = request.to { to = try min(DateWord.day(parsing: text, today: today), to ?? .lastSupported) }
        if let from, let to, from > to { throw DateError.backwardsRange(from: from, to: to) }
        return (from, to)
    }
}
