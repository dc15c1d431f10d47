import Foundation
import TsheetCore
import TsheetMail
import TsheetStore

/// Why a message was not sent, as the user sees it.
package enum SendRefusal: UserError, Equatable {
    /// The period went out already; `--resend` sends it again.
    case alreadySent(client: String, period: String, when: String)
    case noSMTP
    case noPassword(variable: String)
    case passwordCommandFailed(command: String)
    /// The transport failed: temporary failures exit 75, the others 69.
    case failed(client: String, SendError)

    package var exitStatus: ExitStatus {
        switch self {
        case .alreadySent: .dataError
        case .noSMTP, .noPassword, .passwordCommandFailed: .config
        case .failed(_, let error): error.isTemporary ? .tryAgain : .unavailable
        }
    }

    package var description: String {
        switch self {
        case .alreadySent(let client, let period, let when):
            "\(period) went to \(client) on \(when); add --resend to send it again."
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
}

extension Context {
    /// The transport the config names, with the password fetched now from its variable or command.
    package func transport() throws -> any MailTransport {
        switch config.transport {
        case .sendmail:
            return SendmailTransport(path: config.sendmailPath)
        case .smtp:
            guard let smtp = config.smtp else { throw SendRefusal.noSMTP }
            return SMTPTransport(settings: SMTPSettings(
                host: smtp.host, port: smtp.port, security: smtp.security, username: smtp.username,
                password: smtp.username == nil ? nil : try password(for: smtp), caFile: smtp.caFile))
        }
    }

    /// Composes the email for `request` and sends it, unless the period already went to that client (and
    /// `resend` is off). On success the message is recorded as sent, and becomes the client's last message; on
    /// failure nothing is recorded. A dry run connects to nothing and records nothing.
    package func send(_ request: EmailRequest, in store: Store, via transport: any MailTransport, resend: Bool,
                      dryRun: Bool) async throws -> SendOutcome {
        let client = try store.clientName(request.client)
        if !resend, let previous = try store.messages(of: client).first(where: {
            $0.sentAt != nil && $0.variant == request.variant.rawValue && $0.period == request.period
        }) {
            throw SendRefusal.alreadySent(client: client, period: "\(request.variant.rawValue) \(request.period.first) to \(request.period.last)",
                                          when: previous.sentAt ?? "")
        }
        let message = try composeMessage(request, in: store, at: Date())
        if dryRun { return SendOutcome(message: message, accepted: nil) }
        let accepted: String
        do {
            accepted = try await transport.send(message)
        } catch {
            throw SendRefusal.failed(client: client, error)
        }
        try record(message, for: request, sentAt: Date(), in: store)
        return SendOutcome(message: message, accepted: accepted)
    }

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
