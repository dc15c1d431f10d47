import ArgumentParser
import TsheetCore
import TsheetKit
import TsheetMail
import TsheetRender

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

    @Flag(help: "Send even to clients this period already went to.")
    var resend = false

    @Flag(name: .customLong("dry-run"), help: "Print what would be sent; connect to nothing.")
    var dryRun = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if all == (client != nil) { throw ValidationError("give --all or -c CLIENT.") }
    }

    func run() async throws {
        let context = try global.context()
        let store = try context.openStore()
        let range = try emailPeriod.range(in: context)
        let clients = try client.map { [$0] } ?? context.timesheets(for: range, client: nil, in: store).map(\.client)
            .filter { try !store.mailSettings(of: $0).to.isEmpty }
        guard !clients.isEmpty else { return try write("Nobody to send to: no client with recipients has hours then.\n") }
        let transport = try context.transport(forPreview: dryRun)
        var failures: [ExitStatus] = []
        for client in clients {
            let request = EmailRequest(client: client, variant: emailPeriod.period, period: range)
            do {
                let outcome = try await context.send(request, in: store, via: transport,
                                                     resend: resend, dryRun: dryRun)
                try write("\(client): " + SendReport.line(for: outcome))
            } catch SendRefusal.alreadySent {
                try write("\(client): already sent; skipped (--resend sends it again).\n")
            } catch let error as any UserError {
                try write("\(client): \(error)\n")
                failures.append(error.exitStatus)
            }
        }
        try write("\(clients.count - failures.count) of \(clients.count) sent or already sent.\n")
        if !failures.isEmpty {
            throw ExitCode(failures.allSatisfy { $0 == .tryAgain } ? ExitStatus.tryAgain.rawValue
                : ExitStatus.unavailable.rawValue)
        }
    }
}

