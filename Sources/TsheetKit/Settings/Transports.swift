import Foundation
import TsheetMail

/// How emails leave this machine, as the config says: the transport, with the password fetched at the moment
/// of sending from its variable or command, and never kept.
struct Transports {
    let config: Config
    /// The environment, for the variable `[smtp] password_env` names.
    let environment: [String: String]

    /// The transport the config names; one only to preview a send needs no password.
    func transport(forPreview: Bool) throws -> any MailTransport {
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

    /// The SMTP password, from `password_command`'s first line of output or from the variable `password_env`.
    func password(for smtp: MailServerConfig) throws -> String {
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
