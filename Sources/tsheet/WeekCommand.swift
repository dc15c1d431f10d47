import ArgumentParser
import Foundation
import TsheetCore
import TsheetKit
import TsheetMail
import TsheetRender

extension EmailVariant: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// The forms `tsheet week` writes.
enum TimesheetFormat: String, CaseIterable, ExpressibleByArgument {
    /// The email's text body.
    case text
    /// The email's HTML body.
    case html
    /// The whole message, to open in a mail client.
    case eml
    /// A compact view for the terminal.
    case table
}

struct WeekCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "week",
        _superCommandName: "tsheet", // see Tsheet.parse
        abstract: "Write a client's timesheet email: the week (or a day, or a month), day by day, with totals.",
        discussion: """
            The default week is the last full week before today: run on a Monday, it is the week just ended.
            Without a client, the text and table forms show every client with hours that week.

            --send sends it through the transport in the config ([mail], [smtp]); a period already sent to the
            client is not sent again without --resend. --dry-run prints the envelope and the message instead.

            --format eml -o FILE writes the whole message, in the same thread as the client's last one and to the
            same people (a reply-all), and remembers it; open the file in your mail client to send it. Set the
            people with 'tsheet clients set', or take them and the thread from a saved message with --reply-to.

            Examples:
              tsheet week -c acme
              tsheet week -c acme --note "I'll be on site Thursday to close the ERP upgrade."
              tsheet week -c acme --format eml -o acme-w47.eml
              tsheet week -c acme --send
              tsheet week -c acme --send --dry-run
              tsheet week -c acme --format eml -o reply.eml --reply-to "Re: Timesheet week 46.eml"
              tsheet week -c acme --period month --month last --lang es --format html > statement.html
              tsheet week --format table
            """)

    @Option(name: .shortAndLong, help: "The client (default: every client with hours, for text and table).")
    var client: String?

    @OptionGroup var emailPeriod: EmailPeriodOptions

    @Option(help: "text (default), html, eml or table.")
    var format: TimesheetFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of the terminal.", valueName: "file"))
    var output: String?

    @Option(help: "A personal paragraph at the top of the email.")
    var note: String?

    @Flag(help: "Write the note in $EDITOR.")
    var edit = false

    @Option(help: "The email's language: en or es (default: the client's, else the config's).")
    var lang: Language?

    @Option(name: .customLong("reply-to"), help: ArgumentHelp(
        "Reply (all) to this message saved from your mail client: its thread and its people.", valueName: "file.eml"))
    var replyTo: String?

    @Flag(help: "Send the email now.")
    var send = false

    @Flag(help: "With --send: send even if this period already went to the client.")
    var resend = false

    @Flag(name: .customLong("dry-run"), help: "With --send: print the envelope and the message; connect to nothing.")
    var dryRun = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if send, client == nil { throw ValidationError("name the client with -c to --send (or use tsheet send --all).") }
        if (resend || dryRun) && !send { throw ValidationError("--resend and --dry-run go with --send.") }
        if client == nil, format == .html || format == .eml {
            throw ValidationError("name the client with -c for --format \(format.rawValue).")
        }
        if note != nil, edit { throw ValidationError("give --note or --edit, not both.") }
    }

    /// Runs on the main thread, as the synchronous commands do: most runs never send, and a hop to the
    /// concurrency pool would start its threads (and a malloc arena) for nothing.
    @MainActor func run() async throws {
        let context = try global.context()
        let store = try context.openStore()
        let range = try emailPeriod.range(in: context)
        if send, let client {
            let note = edit ? try NoteEditor(editor: context.editor).compose() : self.note
            let request = EmailRequest(client: client, variant: emailPeriod.period, period: range, language: lang, note: note,
                                       replyTo: replyTo)
            let transport = try context.transport(forPreview: dryRun)
            let outcome = try await context.send(request, in: store, via: transport, resend: resend, dryRun: dryRun)
            return try write(SendReport.line(for: outcome))
        }
        if format == .table {
            let sheets = try context.timesheets(for: range, client: client, in: store)
            return try emit(sheets.isEmpty ? "No hours that week.\n"
                : sheets.map(TimesheetText(hoursFormat: context.config.hoursFormat).render).joined(separator: "\n"))
        }
        let note = edit ? try NoteEditor(editor: context.editor).compose() : self.note
        let clients = try client.map { [$0] } ?? context.timesheets(for: range, client: nil, in: store).map(\.client)
        guard !clients.isEmpty else { return try emit("No hours that week.\n") }
        let requests = clients.map { EmailRequest(client: $0, variant: emailPeriod.period, period: range, language: lang,
                                                  note: note, replyTo: replyTo) }
        switch format {
        case .text:
            try emit(try requests.map { try context.renderEmail($0, in: store, parts: .text).text }.joined(separator: "\n\n"))
        case .html:
            try emit(try context.renderEmail(requests[0], in: store, parts: .html).html)
        case .eml:
            let message = try context.composeMessage(requests[0], in: store, at: Date())
            try emit(message.rendered)
            if let output {
                try context.recordWritten(message, for: requests[0], in: store)
                let people = (message.to + message.cc).map(\.description).joined(separator: ", ")
                try write("Wrote \(output): \(message.subject)\nTo: \(people)\n")
            }
        case .table:
            break
        }
    }

    /// Writes `text` to `--output` or to the terminal.
    private func emit(_ text: String) throws {
        let file = try Output.open(output ?? "-")
        try file.write(text)
        try file.close()
    }
}
