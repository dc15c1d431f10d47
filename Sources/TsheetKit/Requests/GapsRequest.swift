import TsheetCore

/// What `tsheet gaps` was asked: over which days, and whose gaps.
package struct GapsRequest: Sendable, Equatable {
  /// The positional range word (`last`, `this`, `2026-W47`, `2026-11`, a day, `A..B`); nil for the options.
  package var word: String?
  /// `--week`, `--month`, `--year`, `--from`, `--to`, as `list` takes them.
  package var range: RangeRequest
  /// `--person NAME`: whose gaps; nil for the run's own person.
  package var person: String?
  /// `--team`: everyone with work in the days.
  package var team: Bool

  package init(word: String? = nil, range: RangeRequest = RangeRequest(), person: String? = nil, team: Bool = false) {
    self.word = word
    self.range = range
    self.person = person
    self.team = team
  }

  /// Whether any range option was given.
  package var hasRangeOptions: Bool { range != RangeRequest() }

  /// The days the request names, read against `context`: the word, else the options (an open end is today:
  /// gaps end yesterday anyway), else last week.
  /// - Throws: `DateError` for words that name no day, `RangeRequestError` for options that name no first day
  ///   or two periods.
  func days(in context: Context) throws -> DayRange {
    let (today, weekStart) = (context.today, context.config.weekStart)
    guard hasRangeOptions else {
      return try RangeWord.span(parsing: word ?? "last", today: today, startingOn: weekStart)
    }
    let (from, to) = try range.bounds(today: today, weekStart: weekStart)
    guard let from else { throw RangeRequestError.noFirstDay }
    return DayRange(first: from, last: to ?? max(from, today))
  }
}
