import TsheetCore
import TsheetStore
import TsheetWorkbook

/// What `tsheet report` was asked for.
package struct ReportRequest: Sendable {
  package var filter: FilterRequest
  /// The column period; nil gives totals only.
  package var period: Period?
  package var rows: PivotRows

  package init(filter: FilterRequest = FilterRequest(), period: Period? = .month, rows: PivotRows = .client) {
    self.filter = filter
    self.period = period
    self.rows = rows
  }
}

/// A pivot of the log with what a reader must know to trust it: rounding and contracted hours.
package struct Report: Sendable {
  package var pivot: Pivot
  package var period: Period?
  package var rows: PivotRows
  /// The clients whose entries were rounded, with their rule, by name.
  package var rounding: [(client: String, rule: Rounding)]
  /// The contracts of the clients in the report, for the month of the report's last day or today, the earlier.
  package var contracts: [ContractStatus]
}

/// The spreadsheet pivot of the log, summed by the store in one read transaction.
package struct Reporting: UseCase {
  let context: Context
  let store: any Store

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
  }

  /// The pivot `request` asks for, in billed hours (each client's rounding, as the log holds it), with the
  /// contracts of its clients.
  package func report(_ request: ReportRequest) throws -> Report {
    let filter = try request.filter.filter(in: context)
    let today = context.today
    let config = context.config
    return try store.read { log in
      let terms = try log.billingTerms()
      let cells = try log.pivotCells(
        matching: filter, rows: request.rows, bucket: request.period,
        billing: terms.billing)
      let range = filter.from.map { DayRange(first: $0, last: max($0, filter.to ?? today)) }
      let pivot = Pivot(
        cells: cells, period: request.period, range: range, weekStart: config.weekStart,
        rows: request.rows)
      let named = try filter.client.map { [try log.clientName($0)] } ?? []
      let clients = Set(cells.compactMap(\.row.client)).union(named).sorted()
      return Report(
        pivot: pivot, period: request.period, rows: request.rows,
        rounding: clients.compactMap { client in terms.billing.rule(for: client).map { (client, $0) } },
        contracts: try Contracts(terms: terms, log: log)
          .status(of: clients, monthOf: min(filter.to ?? today, today)))
    }
  }
}

extension Reporting {
  /// The columns the pivot of `request` will have, counted before anything is read, when its range is given;
  /// nil when it has no columns or spans the log's own days.
  package func columnCount(_ request: ReportRequest) throws -> Int? {
    let filter = try request.filter.filter(in: context)
    guard let period = request.period, let from = filter.from else { return nil }
    let range = DayRange(first: from, last: max(from, filter.to ?? context.today))
    return period.columnCount(covering: range, weekStart: context.config.weekStart)
  }

  /// Writes `report` as a workbook to `path` (`-` or nil: standard output, never a terminal): a sheet with
  /// the pivot and its chart, in `language` (default: the config's).
  package func writeWorkbook(_ report: Report, to path: String?, language: Language?) throws {
    try WorkbookOutput.write(to: path, language: language ?? context.config.lang ?? .en, Self.sheet(of: report))
  }

  /// `report` as the bytes of the workbook `writeWorkbook` writes, in `language` (default: the config's).
  package func workbook(_ report: Report, language: Language?) throws -> [UInt8] {
    try WorkbookOutput.bytes(language: language ?? context.config.lang ?? .en, Self.sheet(of: report))
  }

  /// What the workbook of `report` holds: a sheet with the pivot and its chart.
  private static func sheet(of report: Report) -> (inout WorkbookWriter) throws -> Void {
    { try $0.addPivot(report.pivot, rows: report.rows, period: report.period) }
  }
}

/// The contracted hours of clients, and how much of them the log has used.
struct Contracts {
  let terms: BillingTerms
  let log: any LogReader

  /// The status of each of `clients` that has contracted hours, for the month holding `day`, up to `day`.
  func status(of clients: [String], monthOf day: CalendarDay) throws -> [ContractStatus] {
    let month = DayRange.month(containing: day)
    return try clients.compactMap { client in
      guard let allowance = terms.terms(of: client)?.monthlyHours else { return nil }
      let used = try log.billedMinutes(
        matching: EntryFilter(client: client, from: month.first, to: day),
        billing: terms.billing)
      return ContractStatus(client: client, month: month, allowance: allowance, used: used)
    }
  }
}
