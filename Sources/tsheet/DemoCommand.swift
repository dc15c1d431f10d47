import ArgumentParser
import Foundation
import TsheetCore
import TsheetKit
import TsheetRender

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        _superCommandName: "tsheet", // see Tsheet.parse
        abstract: "Try tsheet on a sample month, in a temporary database.",
        discussion: """
            Your own log is not touched: the demo writes a new database in a temporary folder, lists last week,
            then writes the Monday email to the sample client beside it.
            """)

    func run() throws {
        var context = try GlobalOptions.defaultContext()
        context.config.mailFrom = context.config.mailFrom ?? Demo.sender
        let store = try Demo.makeStore(today: context.today)
        let lastWeek = try context.week(named: "last")
        let entries = try store.entries(matching: EntryFilter(from: lastWeek.first, to: lastWeek.last))
        try write("""
            A sample month of work for three clients is in \(store.path)

            Last week (tsheet list --week last):


            """)
        try write(EntryFormat.table.render(entries, in: context))
        let request = EmailRequest(client: "acme", variant: .week, period: lastWeek,
                                   note: "I'll be on site Thursday to close the ERP upgrade.")
        let message = try context.composeMessage(request, in: store, at: Date())
        let path = (store.path as NSString).deletingLastPathComponent + "/acme-\(lastWeek.first).eml"
        try message.rendered.write(toFile: path, atomically: true, encoding: .utf8)
        try context.recordWritten(message, for: request, in: store)
        try write("""

            The Monday email to acme (tsheet week -c acme --format eml -o \(path)):

            Subject: \(message.subject)
            To: \((message.to + message.cc).map(\.description).joined(separator: ", "))

            \(message.text)
            The whole message, ready to open in a mail client, is in \(path)
            Try it yourself: TSHEET_DB=\(store.path) tsheet week -c "Cafés Núñez"

            """)
    }
}
