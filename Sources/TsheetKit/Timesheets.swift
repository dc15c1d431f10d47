import TsheetCore
import TsheetStore

extension Context {
    /// The week `text` names (`last`, `this`, a date, `2026-W47`); nil is the last full week before today, so
    /// that on a Monday it is the week just ended.
    package func week(named text: String?) throws -> DayRange {
        try RangeWord.week(parsing: text ?? "last", today: today, startingOn: config.weekStart)
    }

    /// The timesheet of `client` over `period`, or of every client with hours in it when `client` is nil (by
    /// name). Entries carry billed minutes: rounded by the client's rule.
    package func timesheets(for period: DayRange, client: String?, in store: Store) throws -> [Timesheet] {
        let filter = EntryFilter(client: client?.trimmed, from: period.first, to: period.last)
        let entries = try store.entries(matching: filter).reversed()
        let names = try client.map { [try store.clientName($0.trimmed)] }
            ?? Set(entries.map(\.client)).sorted { $0.lowercased() < $1.lowercased() }
        let month = DayRange(first: period.last.firstOfMonth, last: period.last)
        let year = DayRange(first: period.last.firstOfYear, last: period.last)
        return try names.map { name in
            let rounding = config.settings(for: name).rounding
            let own = entries.filter { $0.client == name }.map { entry in
                var billed = entry
                billed.minutes = rounding?.apply(to: entry.minutes) ?? entry.minutes
                return billed
            }
            let days = period.days.map { day in Timesheet.Day(day: day, entries: own.filter { $0.day == day }) }
            return Timesheet(client: name, period: period, days: days,
                             monthToDate: try billedMinutes(client: name, in: month, store: store),
                             yearToDate: try billedMinutes(client: name, in: year, store: store),
                             contract: try contracts(for: [name], monthOf: period.last, in: store).first,
                             rounding: rounding)
        }
    }
}
