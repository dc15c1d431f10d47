import TsheetKit
import TsheetMail

/// How a send is told on the terminal.
enum SendReport {
    /// One line on success (`acme: sent to …`), or the envelope and the whole message on a dry run.
    static func line(for outcome: SendOutcome, dryRun: Bool) -> String {
        let message = outcome.message
        let people = message.recipients.map(\.description).joined(separator: ", ")
        if dryRun {
            return "MAIL FROM:<\(message.from.address)>\n"
                + message.recipients.map { "RCPT TO:<\($0.address)>\n" }.joined() + "\n" + message.rendered
        }
        return "Sent \"\(message.subject)\" to \(people) (\(outcome.accepted ?? "")).\n"
    }
}

/// The transport of a dry run, which never sends.
struct NoTransport: MailTransport {
    func send(_ message: MIMEMessage) async throws(SendError) -> String { "" }
}
