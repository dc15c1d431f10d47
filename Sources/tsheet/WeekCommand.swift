import ArgumentParser
import TsheetKit

struct WeekCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "week",
        abstract: "Print a week's timesheet: each day with its entries, the totals, month and year to date.",
        discussion: """
            The default week is the last full week before today: run on a Monday, it is the week just ended.
            Without a client, there is one timesheet per client with hours that week.

            Examples:
              tsheet week -c acme
              tsheet week -c acme --week 2026-W46
              tsheet week --week this
            """)

    @Option(name: .shortAndLong, help: "The client (default: every client with hours that week).")
    var client: String?

    @Option(help: ArgumentHelp("The week: last (default), this, a date, or 2026-W47.", valueName: "week"))
    var week: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let store = try context.openStore()
        let sheets = try context.timesheets(for: try context.week(named: week), client: client, in: store)
        guard !sheets.isEmpty else { return write("No hours that week.\n") }
        let text = TimesheetText(hoursFormat: context.config.hoursFormat)
        write(sheets.map(text.render).joined(separator: "\n"))
    }
}
