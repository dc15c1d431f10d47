import ArgumentParser
import TsheetCore
import TsheetKit

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Pivot hours by day, week, month or year, by client, person and activity.",
    discussion: """
      Columns are periods (--by), rows are clients, people, titles or any of them joined by commas in the \
      order wanted (--rows client,person); every period inside the range \
      has its column, empty or not. Hours are billed hours: each entry rounded by its client's rule in the \
      config. The table draws a bar per line; csv (hours with two decimals), json (minutes) and md carry \
      the same pivot. The JSON is {"columns": [...], "rows": [{"client", "title", "minutes": {COLUMN: N}, \
      "total"}], "totals": {COLUMN: N}, "total": N}; columns are 2026-11-20, 2026-W47, 2026-11 or 2026.

      Examples:
        tsheet report --year 2026
        tsheet report --by week --rows title -c acme --year 2026
        tsheet report --by none --rows client,title --month last
        tsheet report --by year --format csv > hours.csv
        tsheet report --by week --rows client,title --year 2026 --format xlsx -o 2026.xlsx
      """)

  @Option(help: ArgumentHelp("Columns: day, week, month, year, or none for totals only.", valueName: "period"))
  var by: Columns = .month

  @Option(help: "Rows: client, person, title, or several joined by commas (client,person,title).")
  var rows: PivotRows = .client

  @OptionGroup var filter: FilterOptions

  @Option(
    help: ArgumentHelp(
      "table, csv, json, md or xlsx (an Excel workbook: the pivot and its chart); -o FILE.xlsx "
        + "(.csv, .json, .md) names it too."))
  var format: ReportFormat?

  /// The form to write: --format's, else the one -o's file name names, else the table.
  var form: ReportFormat { get throws { try output.format(json.format(format), default: .table, command: "report") } }

  @Flag(help: "CSV for a spreadsheet in your language: BOM, ';' and decimal comma in Spanish, formulas inert.")
  var excel = false

  @Option(help: "The spreadsheet's language for --excel and xlsx: en or es.")
  var lang: Language?

  @OptionGroup var json: JSONOption
  @OptionGroup var output: OutputOptions

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    let form = try form
    if excel, form != .csv { throw ValidationError("--excel goes with --format csv.") }
  }

  func run() throws {
    let context = try global.context()
    let reporting = try Reporting(settling: context, readingOnly: true, tellSettled(context))
    let report = try reporting.report(
      ReportRequest(
        filter: filter.request, period: by.period,
        rows: rows))
    guard let text = Terminal(context).report(report, as: try form, excel: excel, language: lang) else {
      return try reporting.writeWorkbook(report, to: output.output, language: lang)
    }
    let file = try Output.open(output.output ?? "-")
    try file.write(text)
    try file.close()
  }
}

/// The columns of a report: a period, or none for totals only.
enum Columns: String, CaseIterable, ExpressibleByArgument {
  case day, week, month, year, none

  var period: Period? { Period(rawValue: rawValue) }
}
