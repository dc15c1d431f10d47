import ArgumentParser
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
        let sent = try context.openStore().messages(of: client).filter { $0.sentAt != nil }
        guard !sent.isEmpty else { return write("Nothing sent yet.\n") }
        write(sent.map { message in
            let people = [message.to, message.cc].filter { !$0.isEmpty }.joined(separator: ", ")
            return "\(message.sentAt ?? "")  \(message.client)  \(message.variant) \(message.period.first)\n"
                + "  To: \(people)\n  Subject: \(message.subject)\n  Message-ID: \(message.messageID)\n"
        }.joined(separator: "\n"))
    }
}
