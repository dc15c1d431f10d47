import ArgumentParser
import TsheetCore
import TsheetExport
import TsheetKit

extension EntryWriter.Format: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        _superCommandName: "tsheet", // see Tsheet.parse
        abstract: "Export entries as CSV, JSON or NDJSON, in the order they were logged.",
        discussion: """
            CSV follows RFC 4180 with the header id,date,client,title,description,minutes,hours, in UTF-8. --excel
            writes for a spreadsheet: a UTF-8 byte order mark, CRLF, ';' and a decimal comma when the language is
            Spanish (--lang es, or lang = "es" in the config), and text that a spreadsheet would run as a formula
            made inert. JSON is an array of objects with the same fields; NDJSON one object a line.

            Examples:
              tsheet export > all.csv
              tsheet export -c acme --year 2026 --excel --lang es -o acme-2026.csv
              tsheet export --format ndjson --month last
            """)

    @Option(help: "csv (default), json or ndjson.")
    var format: EntryWriter.Format = .csv

    @Option(name: .shortAndLong, help: "Only this client's entries.")
    var client: String?

    @OptionGroup var range: RangeOptions

    @Option(help: "Only entries whose title or description contains this text.")
    var search: String?

    @Flag(help: "CSV for a spreadsheet in your language: BOM, ';' and decimal comma in Spanish, formulas inert.")
    var excel = false

    @Option(help: "The spreadsheet's language for --excel: en or es.")
    var lang: Language?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "No progress on the terminal.")
    var quiet = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if excel, format != .csv { throw ValidationError("--excel goes with --format csv.") }
    }

    func run() throws {
        let context = try global.context()
        var filter = try context.filter(for: ListRequest(client: client, range: range.request, search: search, limit: 0))
        filter.limit = nil
        let progress = Progress(verb: "Exported", quiet: quiet || output == nil || output == "-")
        _ = try context.export(filter, format: format, style: context.csvStyle(excel: excel, language: lang),
                               to: output, from: try context.openStore(), progress: progress.report)
        progress.finish()
    }
}
