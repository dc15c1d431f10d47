import TsheetCore
import TsheetStore

/// What `tsheet gaps` found: the days looked at, whose, and their gaps.
package struct GapList: Sendable, Equatable {
  package let days: DayRange
  /// The people looked at: one, or (`--team`) everyone with work in the days.
  package let people: [String]
  /// Whether the request was the team's: lines name their person.
  package let isTeam: Bool
  /// By day, then person in the order of `people`.
  package let gaps: [PersonGap]
}

/// The people's working days: the ones they forgot to log (gaps), and the days marked off, which never are
/// gaps of the person they are off for (a holiday is everyone's).
package struct WorkCalendar: UseCase {
  let context: Context
  let store: any Store

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
  }

  /// The gaps `request` asks for: the run's own person's, `--person`'s, or the team's.
  package func gaps(_ request: GapsRequest) throws -> GapList {
    let days = try request.days(in: context)
    let people = try request.team ? people(withWorkIn: days) : [request.person.map(EntryField.person) ?? context.person]
    return GapList(days: days, people: people, isTeam: request.team, gaps: try gaps(in: days, of: people))
  }

  /// The workdays of `range` before today that hold nothing of `person`'s (default: the run's own person), or less
  /// than `hours_per_day`, every client counted, `person`'s days off and the holidays left out.
  package func gaps(in range: DayRange, of person: String? = nil) throws -> [Gap] {
    try gaps(in: range, of: [person ?? context.person]).map(\.gap)
  }

  /// Each of `people`'s gaps in `range`, read in one transaction: by day, then person in the order given.
  package func gaps(in range: DayRange, of people: [String]) throws -> [PersonGap] {
    guard !people.isEmpty else { return [] }
    let filter = EntryFilter(person: people.count == 1 ? people[0] : nil, from: range.first, to: range.last)
    let (logged, daysOff) = try store.read { log in
      (
        try log.pivotCells(matching: filter, rows: .person, bucket: .day, billing: .asLogged),
        try log.daysOff(in: range)
      )
    }
    var minutes: [String: [CalendarDay: Minutes]] = [:]
    for cell in logged {
      minutes[cell.row.person ?? "", default: [:]][cell.day] =
        (minutes[cell.row.person ?? ""]?[cell.day] ?? Minutes(0)) + cell.minutes
    }
    let order = Dictionary(people.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    return people.flatMap { person in
      let off = Set(daysOff.filter { $0.isOff(for: person) }.map(\.day))
      return context.config.workweek.gaps(
        in: range, before: context.today, logged: minutes[person] ?? [:], daysOff: off
      ).map { PersonGap(person: person, gap: $0) }
    }.sorted { ($0.gap.day, order[$0.person] ?? 0) < ($1.gap.day, order[$1.person] ?? 0) }
  }

  /// The people with work in `range` for any of `clients` (every client when nil), without regard to case
  /// first.
  package func people(withWorkIn range: DayRange, for clients: [String]? = nil) throws -> [String] {
    let names: [String?] = clients.map { $0.map(Optional.some) } ?? [nil]
    let filters = names.map { EntryFilter(client: $0, from: range.first, to: range.last) }
    let people = try store.read { log in
      try filters.flatMap { try log.pivotCells(matching: $0, rows: .person, bucket: nil, billing: .asLogged) }
    }.compactMap(\.row.person)
    return Set(people).sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
  }

  /// Marks `days` off for `person` (for everyone when nil), with `reason`.
  /// - Throws: `DaysOffError.tooManyDays` past `maxDays`, the log untouched.
  package func markOff(_ days: [CalendarDay], for person: String?, reason: String?) throws {
    let reason = try reason.map(EntryField.reason) ?? ""
    if days.count > DaysOffError.maxDays { throw DaysOffError.tooManyDays(days.count) }
    try store.write { log in
      for day in days { try log.markOff(DayOff(day: day, person: person, reason: reason)) }
    }
  }

  /// Unmarks `days` for `person` (the holidays when nil). Returns the days that were not marked.
  /// - Throws: `DaysOffError.tooManyDays` past `maxDays`, the log untouched.
  package func unmarkOff(_ days: [CalendarDay], for person: String?) throws -> [CalendarDay] {
    if days.count > DaysOffError.maxDays { throw DaysOffError.tooManyDays(days.count) }
    return try store.write { log in try days.filter { try !log.unmarkOff($0, of: person) } }
  }

  /// The days marked off in `range` (every one when nil): everyone's, and each person's.
  package func daysOff(in range: DayRange?) throws -> [DayOff] {
    try store.read { try $0.daysOff(in: range) }
  }
}

/// Why days cannot be marked off (or unmarked) as asked.
package enum DaysOffError: UserError, Equatable {
  /// More days than a year holds, at once: `0001-01-01..9999-12-31` would write millions of rows.
  case tooManyDays(Int)

  /// The most days marked or unmarked at once: a leap year.
  static let maxDays = 366

  package var exitStatus: ExitStatus { .usage }
  package var description: String {
    switch self {
    case .tooManyDays(let count): "that is \(count) days; mark or unmark at most \(Self.maxDays) at once."
    }
  }
}
