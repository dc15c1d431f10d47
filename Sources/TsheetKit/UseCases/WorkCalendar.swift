import TsheetCore
import TsheetStore

/// The person's working days: the ones they forgot to log (gaps), and the days marked off, which never are.
package struct WorkCalendar: UseCase {
  let context: Context
  let store: any Store

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
  }

  /// The workdays of `range` before today that hold nothing of `person`'s (default: the run's own person), or less
  /// than `hours_per_day`, every client counted, days off left out.
  package func gaps(in range: DayRange, of person: String? = nil) throws -> [Gap] {
    let filter = EntryFilter(person: person ?? context.person, from: range.first, to: range.last)
    return try store.read { log in
      let cells = try log.pivotCells(matching: filter, rows: .client, bucket: .day, billing: .asLogged)
      let logged = Dictionary(cells.map { ($0.day, $0.minutes) }, uniquingKeysWith: +)
      let daysOff = Set(try log.daysOff(in: range).map(\.day))
      return context.config.workweek.gaps(in: range, before: context.today, logged: logged, daysOff: daysOff)
    }
  }

  /// Marks `days` off, with `reason`.
  package func markOff(_ days: [CalendarDay], reason: String?) throws {
    let reason = try reason.map(EntryField.reason) ?? ""
    try store.write { log in
      for day in days { try log.markOff(DayOff(day: day, reason: reason)) }
    }
  }

  /// Unmarks `days`. Returns the days that were not marked.
  package func unmarkOff(_ days: [CalendarDay]) throws -> [CalendarDay] {
    try store.write { log in try days.filter { try !log.unmarkOff($0) } }
  }

  /// The days marked off in `range` (every one when nil).
  package func daysOff(in range: DayRange?) throws -> [DayOff] {
    try store.read { try $0.daysOff(in: range) }
  }
}
