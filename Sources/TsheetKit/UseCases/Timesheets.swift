import TsheetCore
import TsheetStore

/// Each client's account of a period, read in one transaction: its days and entries in billed hours (the
/// store rounds them), month and year to date, and where its contract stands.
struct Timesheets {
  let log: any LogReader

  /// The timesheet of `client` over `period`, or of every client with hours in it when `client` is nil
  /// (by name).
  func of(_ client: String?, over period: DayRange) throws -> [Timesheet] {
    let filter = EntryFilter(client: client?.trimmed, from: period.first, to: period.last)
    let terms = try log.billingTerms()
    let entries = try log.entries(matching: filter, billing: terms.billing).reversed()
    let names =
      try client.map { [try log.clientName($0.trimmed)] }
      ?? Set(entries.map(\.client)).sorted { ClientName.key($0) < ClientName.key($1) }
    let month = DayRange(first: period.last.firstOfMonth, last: period.last)
    let year = DayRange(first: period.last.firstOfYear, last: period.last)
    func billed(_ name: String, _ range: DayRange) throws -> Minutes {
      try log.billedMinutes(
        matching: EntryFilter(client: name, from: range.first, to: range.last),
        billing: terms.billing)
    }
    return try names.map { name in
      let own = entries.filter { $0.client == name }
      return Timesheet(
        client: name, period: period,
        days: period.days.map { day in Timesheet.Day(day: day, entries: own.filter { $0.day == day }) },
        monthToDate: try billed(name, month), yearToDate: try billed(name, year),
        contract: try Contracts(terms: terms, log: log).status(of: [name], monthOf: period.last).first,
        rounding: terms.billing.rule(for: name))
    }
  }
}
