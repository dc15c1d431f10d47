import TOMLKit
import TsheetCore
import TsheetMail

/// How emails leave this machine.
package enum TransportKind: String, Sendable {
  case smtp, sendmail
}

/// How tsheet proves who it is to a mail server.
package enum MailAuth: String, Sendable {
  /// A user name and a password, from `password_env` or `password_command`.
  case password
  /// An OAuth2 access token (XOAUTH2 or OAUTHBEARER), from `token_command` or `tsheet mail login`.
  case oauth2
}

/// A mail server's table, `[smtp]` or `[imap]`: where the server is and how to log in. Secrets are never in the
/// config: a password or a token comes from an environment variable or a command, at the moment it is needed.
package struct MailServerConfig: Sendable, Equatable {
  /// The ports a protocol listens on by default, by security.
  package struct Ports: Sendable, Equatable {
    let tls: Int, starttls: Int
    package static let smtp = Ports(tls: 465, starttls: 587)
    package static let imap = Ports(tls: 993, starttls: 143)
  }

  /// The table's name, `smtp` or `imap`, for messages.
  package let section: String
  package var host: String
  package var port: Int
  package var security: SMTPSecurity = .starttls
  package var username: String?
  package var auth: MailAuth = .password
  /// The environment variable that holds the password.
  package var passwordEnv: String?
  /// A command whose first line of output is the password (`pass show smtp`).
  package var passwordCommand: String?
  /// A command whose first line of output is an OAuth2 access token (`oama access ana@consult.es`).
  package var tokenCommand: String?
  package var caFile: String?
  /// Allows `security = "none"` to a host other than this machine.
  package var allowInsecure = false

  /// The keys every mail server's table knows.
  static let keys = [
    "host", "port", "security", "username", "auth", "password_env", "password_command",
    "token_command", "ca_file", "allow_insecure",
  ]

  /// Reads the table `section` of `file`; `otherKeys` are the section's own keys, read by its caller.
  init(table: TOMLTable, section: String, ports: Ports, otherKeys: [String] = [], file: String) throws(ConfigError) {
    self.section = section
    var host: String?
    var port: Int?
    for (key, value) in table where !otherKeys.contains(key) {
      let name = "\(section).\(key)"
      switch key {
      case "host": host = try Config.string(value, key: name, file: file, expected: "a host name")
      case "port":
        guard let number = value.int, (1...65535).contains(number) else {
          throw .badValue(file: file, key: name, expected: "a port number such as \(ports.starttls)")
        }
        port = number
      case "security":
        security = try Config.choice(value, key: name, file: file, expected: "\"starttls\", \"tls\" or \"none\"")
      case "username": username = try Config.string(value, key: name, file: file, expected: "a user name")
      case "auth": auth = try Config.choice(value, key: name, file: file, expected: "\"password\" or \"oauth2\"")
      case "password_env":
        passwordEnv = try Config.string(value, key: name, file: file, expected: "a variable name")
      case "password_command":
        passwordCommand = try Config.string(value, key: name, file: file, expected: "a command")
      case "token_command":
        tokenCommand = try Config.string(value, key: name, file: file, expected: "a command")
      case "ca_file": caFile = try Config.string(value, key: name, file: file, expected: "a PEM file's path")
      case "allow_insecure":
        guard let flag = value.bool else { throw .badValue(file: file, key: name, expected: "true or false") }
        allowInsecure = flag
      case "password":
        throw .badValue(
          file: file, key: name,
          expected: "absent: keep the password out of files, use password_env or password_command")
      case "token":
        throw .badValue(
          file: file, key: name,
          expected: "absent: keep tokens out of files, use token_command or `tsheet mail login`")
      default:
        throw .unknownKey(file: file, key: name, known: Self.keys + otherKeys)
      }
    }
    guard let host else {
      throw .badValue(file: file, key: "\(section).host", expected: "set, such as \"\(section).example.com\"")
    }
    self.host = host
    self.port = port ?? (security == .tls ? ports.tls : section == "smtp" && security == .none ? 25 : ports.starttls)
    if security == .none, !allowInsecure, !["127.0.0.1", "::1", "localhost"].contains(host) {
      throw .badValue(
        file: file, key: "\(section).security",
        expected: "\"starttls\" or \"tls\" for a remote host (or set allow_insecure = true)")
    }
    if auth == .oauth2, username == nil {
      throw .badValue(
        file: file, key: "\(section).username",
        expected: "set to the mailbox's address when auth = \"oauth2\"")
    }
  }
}
