import Foundation
import TsheetCore
import TsheetMail
import TsheetStore

/// Why a message was not sent, as the user sees it.
package enum SendRefusal: UserError, Equatable {
    /// The period went out already, or may have (it was being sent when the send could not be recorded);
    /// `--resend` sends it again.
    case alreadySent(client: String, period: String, when: String, certain: Bool)
    /// The message went out, but the log could not record it; the next send of the period asks for `--resend`.
    case sentNotRecorded(client: String, reason: String)
    case noSMTP
    case noPassword(variable: String)
    case passwordCommandFailed(command: String)
    /// The transport failed: temporary failures exit 75, the others 69.
    case failed(client: String, SendError)

    package var exitStatus: ExitStatus {
        switch self {
        case .alreadySent: .dataError
        case .sentNotRecorded: .ioError
        case .noSMTP, .noPassword, .passwordCommandFailed: .config
        case .failed(_, let error): error.isTemporary ? .tryAgain : .unavailable
        }
    }

    package var description: String {
        switch self {
        case .alreadySent(let client, let period, let when, true):
            "\(period) went to \(client) on \(when); add --resend to send it again."
        case .alreadySent(let client, let period, let when, false):
            "\(period) may have gone to \(client) on \(when) (it was being sent when tsheet could not record it); "
                + "check your sent mail, and add --resend to send it again."
        case .sentNotRecorded(let client, let reason):
            "sent to \(client), but not recorded (\(reason)); do not send it again: the next --send of this period "
                + "asks for --resend."
        case .noSMTP:
            "no mail server; set [smtp] host (or [mail] transport = \"sendmail\") in the config file."
        case .noPassword(let variable):
            "the SMTP password is not set; export \(variable)=… (it is never stored)."
        case .passwordCommandFailed(let command):
            "the password command '\(command)' failed; check [smtp] password_command."
        case .failed(let client, let error):
            "not sent to \(client): \(error)."
        }
    }
}

/// What happened to one client's message.
package struct SendOutcome: Sendable {
    package var message: MIMEMessage
    /// The server's or program's words on accepting it; nil on a dry run.
    package var accepted: String?
    /// On a dry run, what sending would have done: the envelope, or the sendmail command line.
    package var preview: String?
}

extension Context {
    /// The transport the config names, with the password fetched now from its variable or command (unless
    /// the transport is only to preview a send).
    package func transport(forPreview: Bool = false) throws -> any MailTransport {
        switch config.transport {
        case .sendmail:
            return SendmailTransport(path: config.sendmailPath)
        case .smtp:
            guard let smtp = config.smtp else { throw SendRefusal.noSMTP }
            return SMTPTransport(settings: SMTPSettings(
                host: smtp.host, port: smtp.port, security: smtp.security, username: smtp.username,
                password: smtp.username == nil || forPreview ? nil : try password(for: smtp), caFile: smtp.caFile))
        }
    }

    /// Composes the email for `request` and sends it, unless the period already went to that client (and
    /// `resend` is off). The message is recorded as being sent before the transport has it, and as sent (with
    /// its people as the client's recipients, in one transaction) after: a message that went out is never
    /// mailed twice by a retry, even when the log could not record it. A dry run connects to nothing and
    /// records nothing.
    package func send(_ request: EmailRequest, in store: Store, via transport: any MailTransport, resend: Bool,
                      dryRun: Bool) async throws -> SendOutcome {
        let message = try composeMessage(request, in: store, at: Date())
        var record = try ledgerRecord(of: message, for: request, in: store)
        record.sentAt = Self.timestamp(Date())
        func refusal(_ previous: MessageRecord) -> SendRefusal {
            .alreadySent(client: record.client, period: "\(request.variant.rawValue) \(request.period.first) to \(request.period.last)",
                         when: previous.sentAt ?? "", certain: previous.state == .sent)
        }
        if dryRun {
            if !resend, let previous = try store.sentMessage(like: record) { throw refusal(previous) }
            return SendOutcome(message: message, accepted: nil, preview: transport.preview(message))
        }
        if let previous = try store.startSending(record, resend: resend) { throw refusal(previous) }
        let accepted: String
        do {
            accepted = try await transport.send(message)
        } catch {
            try? store.abandonSending(message.messageID)
            throw SendRefusal.failed(client: record.client, error)
        }
        do {
            try store.finishSending(message.messageID, sentAt: Self.timestamp(Date()),
                                    recipients: (message.to.map(\.recipient), message.cc.map(\.recipient)))
        } catch StoreError.busy {
            throw SendRefusal.sentNotRecorded(client: record.client, reason: "the log stayed locked by another program")
        } catch {
            throw SendRefusal.sentNotRecorded(client: record.client, reason: "\(error)".trimmingCharacters(in: ["."]))
        }
        return SendOutcome(message: message, accepted: accepted, preview: nil)
    }

    /// `date` as the ledger writes it: ISO 8601 in UTC.
    static func timestamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    private func password(for smtp: SMTPConfig) throws -> String {
        if let command = smtp.passwordCommand {
            let process = Process(), output = Pipe()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            process.standardOutput = output
            process.standardInput = FileHandle.nullDevice
            do { try process.run() } catch { throw SendRefusal.passwordCommandFailed(command: command) }
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0,
                  let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first else {
                throw SendRefusal.passwordCommandFailed(command: command)
            }
            return String(line)
        }
        let variable = smtp.passwordEnv ?? "TSHEET_SMTP_PASSWORD"
        guard let password = environment[variable], !password.isEmpty else {
            throw SendRefusal.noPassword(variable: variable)
        }
        return password
    }
}
