import ArgumentParser
import TsheetCore
import TsheetKit

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Export entries as CSV, JSON, NDJSON or an Excel workbook, in the order they were logged.",
    discussion: """
      CSV follows RFC 4180 with the header id,date,client,title,description,minutes,hours, in UTF-8. --excel \
      writes for a spreadsheet: a UTF-8 byte order mark, CRLF, ';' and a decimal comma when the language is \
      Spanish (--lang es, or lang = "es" in the config), and text that a spreadsheet would run as a formula \
      made inert. JSON is an array of objects with the same fields; NDJSON one object a line.

      xlsx writes an Excel workbook (give -o FILE.xlsx, or pipe it): the entries with typed cells (dates, \
      numbers, text that is never a formula) under a frozen header with filters, ready for a pivot table; \
      and the hours by month and client, billed as 'report' bills them, with a stacked-column chart. Its \
      words follow --lang (or lang in the config).

      Examples:
        tsheet export > all.csv
        tsheet export -c acme --year 2026 --excel --lang es -o acme-2026.csv
        tsheet export --format ndjson --month last
        tsheet export --format xlsx -c acme --lang es -o acme.xlsx
      """)

  @Option(help: "csv (default), json, ndjson or xlsx; -o FILE.xlsx (.csv, .json, .ndjson) names it too.")
  var format: ExportFormat?

  /// The format to write: --format's, else the one -o's file name names, else CSV.
  var form: ExportFormat { get throws { try output.format(json.format(format), default: .csv, command: "export") } }

  @OptionGroup var filter: FilterOptions

  @Flag(help: "CSV for a spreadsheet in your language: BOM, ';' and decimal comma in Spanish, formulas inert.")
  var excel = false

  @Option(help: "The spreadsheet's language for --excel and xlsx: en or es.")
  var lang: Language?

  @OptionGroup var json: JSONOption
  @OptionGroup var output: OutputOptions

  @Flag(help: "No progress on the terminal.")
  var quiet = false

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    let form = try form
    if excel, form != .csv { throw ValidationError("--excel goes with --format csv.") }
  }

  func run() throws {
    let progress = Progress(verb: "Exported", quiet: quiet || output.output == nil || output.output == "-")
    let context = try global.context()
    let exporter = try Exporter(settling: context, tellSettled(context))  // the workbook's billed hours
    let summary = try exporter.export(
      ExportRequest(
        filter: filter.request, format: try form,
        excel: excel, language: lang,
        output: output.output),
      progress: progress.report)
    progress.finish()
    if let warning = summary.warning { writeError(warning + "\n") }
  }
}
