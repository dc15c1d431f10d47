import ArgumentParser
import TsheetKit

struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        _superCommandName: "tsheet", // see Tsheet.parse
        abstract: "The Monday batch: send every client with recipients and hours its timesheet.",
        discussion: """
            Goes on past a failure and ends with a line per client. The exit status is 0 when every message went
            (or had gone already), 75 when the failures may pass if tried again later, 69 otherwise.

            Examples:
              tsheet send --all
              tsheet send --all --week 2026-W47 --dry-run
              tsheet send --all --period month
            """)

    @Flag(help: "Every client with recipients and hours in the period.")
    var all = false

    @Option(name: .shortAndLong, help: "Only this client.")
    var client: String?

    @OptionGroup var emailPeriod: EmailPeriodOptions

    @OptionGroup var send: SendOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if all == (client != nil) { throw ValidationError("give --all or -c CLIENT.") }
    }

    func run() async throws {
        let context = try global.context()
        let batch = try await TimesheetSending(context).sendBatch(emailPeriod.request, only: client,
                                                                  resend: send.resend, dryRun: send.dryRun)
        try write(Terminal(context).batch(batch))
        if let status = batch.failureStatus { throw ExitCode(status.rawValue) }
    }
}
