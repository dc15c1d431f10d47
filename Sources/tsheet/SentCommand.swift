import ArgumentParser
import TsheetCore
import TsheetKit

struct SentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sent",
        _superCommandName: "tsheet", // see Tsheet.parse
        abstract: "List the emails that went out: when, to whom, the subject and the Message-ID.",
        discussion: """
            Examples:
              tsheet sent
              tsheet sent -c acme
            """)

    @Option(name: .shortAndLong, help: "Only this client's.")
    var client: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let sent = try context.openStore().sentMessages(to: client)
        guard !sent.isEmpty else { return try write("Nothing sent yet.\n") }
        try write(sent.map { message in
            let people = [message.to, message.cc].filter { !$0.isEmpty }.joined(separator: ", ")
            let doubt = message.state == .sending ? "  (may have gone: the send could not be recorded)" : ""
            return "\((message.sentAt ?? "").escapingControlCharacters)  \(message.client.escapingControlCharacters)  "
                + "\(message.variant.rawValue) \(message.period.first)\(doubt)\n"
                + "  To: \(people.escapingControlCharacters)\n  Subject: \(message.subject.escapingControlCharacters)\n"
                + "  Message-ID: \(message.messageID.escapingControlCharacters)\n"
        }.joined(separator: "\n"))
    }
}
