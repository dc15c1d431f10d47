import TsheetKit

/// How a send is told on the terminal.
enum SendReport {
    /// One line on success (`Sent "…" to …`), or on a dry run what sending would do and the whole message.
    static func line(for outcome: SendOutcome) -> String {
        let message = outcome.message
        if let preview = outcome.preview { return preview + "\n" + message.rendered }
        let people = message.recipients.map(\.description).joined(separator: ", ")
        return "Sent \"\(message.subject)\" to \(people) (\(outcome.accepted ?? "")).\n"
    }
}
