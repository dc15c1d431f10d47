import ArgumentParser
import TsheetCore
import TsheetKit

extension Period: ExpressibleByArgument {}
extension PivotRows: ExpressibleByArgument {}

/// The forms a report can take.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json, md
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        _superCommandName: "tsheet", // see Tsheet.parse
        abstract: "Pivot hours by day, week, month or year, by client and by activity.",
        discussion: """
            Columns are periods (--by), rows are clients, titles or both (--rows); every period inside the range
            has its column, empty or not. Hours are billed hours: each entry rounded by its client's rule in the
            config. The table draws a bar per line; csv (hours with two decimals), json (minutes) and md carry
            the same pivot. The JSON is {"columns": [...], "rows": [{"client", "title", "minutes": {COLUMN: N},
            "total"}], "totals": {COLUMN: N}, "total": N}; columns are 2026-11-20, 2026-W47, 2026-11 or 2026.

            Examples:
              tsheet report --year 2026
              tsheet report --by week --rows title -c acme --year 2026
              tsheet report --by none --rows client,title --month last
              tsheet report --by year --format csv > hours.csv
            """)

    @Option(help: ArgumentHelp("Columns: day, week, month, year, or none for totals only.", valueName: "period"))
    var by: String = "month"

    @Option(help: "Rows: client, title, or client,title.")
    var rows: PivotRows = .client

    @Option(name: .shortAndLong, help: "Only this client.")
    var client: String?

    @Option(help: "Only entries whose title or description contains this text.")
    var search: String?

    @OptionGroup var range: RangeOptions

    @Option(help: "table, csv, json or md.")
    var format: ReportFormat = .table

    @Flag(help: "CSV for a spreadsheet in your language: BOM, ';' and decimal comma in Spanish, formulas inert.")
    var excel = false

    @Option(help: "The spreadsheet's language for --excel: en or es.")
    var lang: Language?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if by != "none" && Period(rawValue: by) == nil {
            throw ValidationError("--by must be day, week, month, year or none.")
        }
        if excel, format != .csv { throw ValidationError("--excel goes with --format csv.") }
    }

    func run() throws {
        let context = try global.context()
        let request = ReportRequest(range: range.request, client: client, search: search, period: Period(rawValue: by),
                                    rows: rows)
        let report = try context.report(request, in: try context.openStore())
        switch format {
        case .table:
            try write(PivotTable(hoursFormat: context.config.hoursFormat, usesColor: context.usesColor).render(report))
        case .csv: try write(report.pivot.csv(rows: rows, style: context.csvStyle(excel: excel, language: lang)))
        case .json: try write(report.pivot.json(rows: rows))
        case .md: try write(report.pivot.markdown(rows: rows, format: context.config.hoursFormat))
        }
    }
}
