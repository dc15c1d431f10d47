import ArgumentParser
import TsheetKit

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Try tsheet on a sample month, in a temporary database.",
        discussion: "Your own log is not touched: the demo writes a new database in a temporary folder.")

    func run() throws {
        let context = try GlobalOptions.defaultContext()
        let store = try Demo.makeStore(today: context.today)
        let lastWeek = try context.filter(for: ListRequest(range: RangeRequest(week: "last")))
        write("""
            A sample month of work for three clients is in \(store.path)

            Last week (tsheet list --week last):

            """)
        write(EntryFormat.table.render(try store.entries(matching: lastWeek), in: context))
        write("\nTry it yourself: TSHEET_DB=\(store.path) tsheet list -c acme --week last\n")
    }
}
