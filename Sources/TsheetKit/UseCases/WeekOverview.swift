import TsheetCore
import TsheetStore

/// The week at a glance, as `tsheet serve` shows it: billed hours by person and day (in a personal log, by
/// client and day), with the workdays that hold too little.
package struct WeekGrid: Sendable {
  /// The week's days, first to last.
  package let days: DayRange
  /// What a row is: a person when the log holds several people's work (or is a team's), else a client.
  package let dimension: PivotDimension
  /// The rows, in order. People include those with nothing this week (their week is all gaps).
  package let names: [String]
  /// The hours: `tsheet report --by day --rows person` (or `client`) over the week.
  package let pivot: Pivot
  /// Each person's gaps in the week, by name; in a personal log, the one person's.
  package let gaps: [String: [Gap]]

  /// The minutes of the row `name` on `day`.
  package func minutes(_ name: String, on day: CalendarDay) -> Minutes {
    pivot.minutes(row: key(name), column: Period.day.key(of: day))
  }

  /// The minutes of the row `name` over the week.
  package func total(of name: String) -> Minutes { pivot.total(ofRow: key(name)) }

  /// The minutes of every row on `day`.
  package func total(on day: CalendarDay) -> Minutes { pivot.total(ofColumn: Period.day.key(of: day)) }

  /// The gap of the row `name` on `day`: a person's own; nil for a client's row (a gap is a person's day).
  package func gap(of name: String, on day: CalendarDay) -> Gap? {
    dimension == .person ? gaps[name]?.first { $0.day == day } : nil
  }

  /// The gap of `day` in a personal log (every client together); nil in a log of several people.
  package func gap(on day: CalendarDay) -> Gap? {
    dimension == .client ? gaps.values.first?.first { $0.day == day } : nil
  }

  private func key(_ name: String) -> PivotRowKey {
    dimension == .person ? PivotRowKey(person: name) : PivotRowKey(client: name)
  }
}

/// Builds the week's grid from the reports and the gaps the commands print, so the page and the terminal agree.
package struct WeekOverview: UseCase {
  let context: Context
  let store: any Store

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
  }

  /// The grid of the week `week` names (an ISO week, a day of it, `last`, `this`…); nil picks the week `tsheet
  /// week` picks: the last full one, which on a Monday is the week just ended.
  /// - Throws: `DateError` for a word that names no week.
  package func grid(week: String?) throws -> WeekGrid {
    let days = try EmailPeriodRequest(variant: .week, week: week).range(in: context)
    let people = try store.read {
      try $0.pivotCells(matching: EntryFilter(), rows: .person, bucket: nil, billing: .asLogged)
    }.compactMap(\.row.person).sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
    let isTeam = PostgresURL.isURL(context.databasePath) || people.count > 1
    let range = RangeRequest(from: days.first.description, to: days.last.description)
    let report = try Reporting(context, store: store).report(
      ReportRequest(filter: FilterRequest(range: range), period: .day, rows: isTeam ? .person : .client))
    let calendar = WorkCalendar(context, store: store)
    let gapped = isTeam ? people : [people.first ?? context.person]
    return WeekGrid(
      days: days, dimension: isTeam ? .person : .client,
      names: isTeam ? people : report.pivot.rows.compactMap(\.client), pivot: report.pivot,
      gaps: Dictionary(uniqueKeysWithValues: try gapped.map { ($0, try calendar.gaps(in: days, of: $0)) }))
  }
}
