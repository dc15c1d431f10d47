import TsheetCore

/// The range words a command was given: `--week`, `--month`, `--year` set both ends, `--from`/`--to` narrow them.
package struct RangeRequest: Sendable, Equatable {
  package var from: String?
  package var to: String?
  package var week: String?
  package var month: String?
  package var year: String?

  package init(
    from: String? = nil, to: String? = nil, week: String? = nil, month: String? = nil,
    year: String? = nil
  ) {
    self.from = from
    self.to = to
    self.week = week
    self.month = month
    self.year = year
  }

  /// The first and last day the words name, read against `today`; nil ends are open.
  /// - Throws: `RangeRequestError` for two periods at once, `DateError` for words that name no day.
  package func bounds(today: CalendarDay, weekStart: Weekday) throws -> (from: CalendarDay?, to: CalendarDay?) {
    let periods = [week, month, year].compactMap { $0 }
    if periods.count > 1 { throw RangeRequestError.severalPeriods }
    var range: DayRange?
    if let week { range = try RangeWord.week(parsing: week, today: today, startingOn: weekStart) }
    if let month { range = try RangeWord.month(parsing: month, today: today) }
    if let year { range = try RangeWord.year(parsing: year, today: today) }
    var first = range?.first
    var last = range?.last
    if let from { first = try max(DateWord.day(parsing: from, today: today), first ?? .firstSupported) }
    if let to { last = try min(DateWord.day(parsing: to, today: today), last ?? .lastSupported) }
    if let first, let last, first > last { throw DateError.backwardsRange(from: first, to: last) }
    return (first, last)
  }
}

/// Which entries a listing, a report or an export reads: `-c`, `--person`, `--search` and the range words.
package struct FilterRequest: Sendable, Equatable {
  package var client: String?
  package var person: String?
  package var search: String?
  package var range: RangeRequest

  package init(
    client: String? = nil, person: String? = nil, search: String? = nil,
    range: RangeRequest = RangeRequest()
  ) {
    self.client = client
    self.person = person
    self.search = search
    self.range = range
  }

  /// The filter these words name, read against `context`'s today and first weekday.
  func filter(in context: Context) throws -> EntryFilter {
    let (from, to) = try range.bounds(today: context.today, weekStart: context.config.weekStart)
    return EntryFilter(client: client?.trimmed, person: person?.trimmed, from: from, to: to, search: search)
  }
}

/// Why range words cannot be combined.
package enum RangeRequestError: UserError, Equatable {
  case severalPeriods
  /// `--to` alone, where a command needs a first day (`gaps`).
  case noFirstDay

  package var exitStatus: ExitStatus { .usage }
  package var description: String {
    switch self {
    case .severalPeriods: "give one of --week, --month and --year (add --from/--to to narrow it)."
    case .noFirstDay: "--to needs a first day: add --from, or give --week, --month or --year."
    }
  }
}
