import TOMLKit
import TsheetCore
import TsheetMail

/// How emails leave this machine.
package enum TransportKind: String, Sendable {
    case smtp, sendmail
}

/// The `[smtp]` table: where the mail server is and how to log in. The password itself is never in the config:
/// it comes from an environment variable or a command, at the moment of sending.
package struct SMTPConfig: Sendable, Equatable {
    package var host: String
    package var port: Int
    package var security: SMTPSecurity = .starttls
    package var username: String?
    /// The environment variable that holds the password.
    package var passwordEnv: String?
    /// A command whose first line of output is the password (`pass show smtp`).
    package var passwordCommand: String?
    package var caFile: String?
    /// Allows `security = "none"` to a host other than this machine.
    package var allowInsecure = false

    init(table: TOMLTable, file: String) throws(ConfigError) {
        var host: String?, port: Int?
        for (key, value) in table {
            let name = "smtp.\(key)"
            switch key {
            case "host": host = try Config.string(value, key: name, file: file, expected: "a host name")
            case "port":
                guard let number = value.int, (1...65535).contains(number) else {
                    throw .badValue(file: file, key: name, expected: "a port number such as 587")
                }
                port = number
            case "security":
                security = try Config.choice(value, key: name, file: file, expected: "\"starttls\", \"tls\" or \"none\"")
            case "username": username = try Config.string(value, key: name, file: file, expected: "a user name")
            case "password_env":
                passwordEnv = try Config.string(value, key: name, file: file, expected: "a variable name")
            case "password_command":
                passwordCommand = try Config.string(value, key: name, file: file, expected: "a command")
            case "ca_file": caFile = try Config.string(value, key: name, file: file, expected: "a PEM file's path")
            case "allow_insecure":
                guard let flag = value.bool else { throw .badValue(file: file, key: name, expected: "true or false") }
                allowInsecure = flag
            case "password":
                throw .badValue(file: file, key: name,
                                expected: "absent: keep the password out of files, use password_env or password_command")
            default:
                throw .unknownKey(file: file, key: name, known: [
                    "host", "port", "security", "username", "password_env", "password_command", "ca_file",
                    "allow_insecure",
                ])
            }
        }
        guard let host else { throw .badValue(file: file, key: "smtp.host", expected: "set, such as \"smtp.example.com\"") }
        self.host = host
        self.port = port ?? (security == .tls ? 465 : security == .none ? 25 : 587)
        if security == .none, !allowInsecure, !["127.0.0.1", "::1", "localhost"].contains(host) {
            throw .badValue(file: file, key: "smtp.security",
                            expected: "\"starttls\" or \"tls\" for a remote host (or set allow_insecure = true)")
        }
    }
}
