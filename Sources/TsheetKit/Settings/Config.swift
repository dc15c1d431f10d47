import Foundation
import TOMLKit
import TsheetCore
import TsheetMail
import TsheetRender
import TsheetStore

/// The user's settings from `config.toml`; a missing file means every default.
package struct Config: Sendable, Equatable {
  /// The log (`database`): a file's path, or a team server's `postgres://` URL, never with its password.
  package var database: String?
  /// The client `tsheet log` uses when no `-c` is given.
  package var defaultClient: String?
  /// The first day of a week in listings and reports.
  package var weekStart: Weekday = .monday
  /// How hours are written in the terminal.
  package var hoursFormat: HoursFormat = .clock
  /// The language of emails for clients that have none of their own; English when nil.
  package var lang: Language?
  /// The folder whose templates override the built-in ones (default `$XDG_CONFIG_HOME/tsheet/templates`).
  package var templatesDirectory: String?
  /// The sender of every email (`[mail] from`).
  package var mailFrom: MailAddress?
  /// How emails leave: `smtp` or `sendmail` (`[mail] transport`).
  package var transport: TransportKind = .smtp
  /// The sendmail-compatible program (`[mail] sendmail_path`).
  package var sendmailPath = "/usr/sbin/sendmail"
  /// The SMTP server (`[smtp]`); nil when the config has none.
  package var smtp: MailServerConfig?
  /// The OAuth2 provider and app `tsheet mail login` signs in with (`[oauth2]`).
  package var oauth2: OAuthConfig?
  /// The user's mailbox (`[imap]`); nil when the config has none.
  package var imap: IMAPConfig?
  /// The `[clients.NAME]` sections, by client name in lower case: terms the log takes in once, and ignores
  /// after (`ClientBook.settleConfigSections`); nothing bills by them directly.
  package var clientSections: [String: ClientTerms] = [:]
  /// Whose timer `start` and `stop` run (`person`); the login name when nil.
  package var person: String?
  /// How long a timer may run before `stop` asks how long the work really took (`max_timer_hours`).
  package var maxTimer = Minutes(12 * 60)
  /// The days the person works and how long (`workdays`, `hours_per_day`): what `gaps` looks for.
  package var workweek = Workweek()

  package init() {}

  /// Reads the config file at `path`; a missing file gives the defaults, unless the user named it (`required`).
  /// - Throws: `ConfigError` for a missing required file, an unreadable file, bad TOML, an unknown key or a bad
  ///   value.
  package init(contentsOf path: String, required: Bool = false) throws(ConfigError) {
    guard FileManager.default.fileExists(atPath: path) else {
      if required { throw .missing(file: path) }
      self.init()
      return
    }
    // Read as `cat` reads: a regular file, or a device such as /dev/null (no settings).
    guard let file = FileHandle(forReadingAtPath: path), let bytes = try? file.readToEnd() ?? Data() else {
      throw .unreadable(file: path)
    }
    try? file.close()
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .notUTF8(file: path, offset: bytes.firstNonUTF8Offset ?? 0)
    }
    try self.init(toml: text, file: path)
  }

  /// Reads settings from TOML `text`; `file` names it in errors.
  package init(toml text: String, file: String) throws(ConfigError) {
    if let nul = text.utf8.firstIndex(of: 0) {  // TOML's C parser would take it for the end of the file
      let line = text.utf8[..<nul].count(where: { $0 == 10 }) + 1
      throw .syntax(file: file, line: line, message: "a NUL byte, which TOML does not allow")
    }
    let table: TOMLTable
    do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
      throw .syntax(file: file, line: error.source.begin.line, message: error.description)
    } catch {
      throw .syntax(file: file, line: 1, message: "\(error)")
    }
    self.init()
    for (key, value) in table {
      switch key {
      case "default_client":
        defaultClient = try Self.string(value, key: key, file: file, expected: "a client name")
      case "week_start":
        let name = try Self.string(value, key: key, file: file, expected: "a weekday such as \"monday\"")
        guard let day = Weekday.allCases.first(where: { $0.name == name.lowercased() }) else {
          throw .badValue(file: file, key: key, expected: "a weekday such as \"monday\" or \"sunday\"")
        }
        weekStart = day
      case "hours_format":
        hoursFormat = try Self.choice(value, key: key, file: file, expected: "\"h:mm\" or \"decimal\"")
      case "lang":
        lang = try Self.choice(value, key: key, file: file, expected: "\"en\" or \"es\"") as Language
      case "templates_dir":
        templatesDirectory = try Self.string(value, key: key, file: file, expected: "a folder path")
      case "database":
        let expected = "a file's path, or postgres://user@host:5432/dbname without a password (put it in ~/.pgpass)"
        let text = try Self.string(value, key: key, file: file, expected: expected)
        if PostgresURL.isURL(text), (try? PostgresURL(parsing: text, defaultUser: "-"))?.password != nil {
          throw .badValue(file: file, key: key, expected: expected)
        }
        database = text
      case "mail":
        guard let table = value.table else { throw .badValue(file: file, key: key, expected: "a table [mail]") }
        try readMail(table, file: file)
      case "smtp":
        guard let table = value.table else { throw .badValue(file: file, key: key, expected: "a table [smtp]") }
        smtp = try MailServerConfig(table: table, section: key, ports: .smtp, file: file)
      case "oauth2":
        guard let table = value.table else { throw .badValue(file: file, key: key, expected: "a table [oauth2]") }
        oauth2 = try OAuthConfig(table: table, file: file)
      case "imap":
        guard let table = value.table else { throw .badValue(file: file, key: key, expected: "a table [imap]") }
        imap = try IMAPConfig(table: table, file: file)
      case "clients":
        guard let table = value.table else { throw .badValue(file: file, key: key, expected: "a table") }
        for (name, settings) in table {
          guard let settings = settings.table else {
            throw .badValue(file: file, key: "clients.\(name)", expected: "a table such as [clients.acme]")
          }
          clientSections[ClientName.key(name)] = try ClientTerms(
            table: settings, prefix: "clients.\(name)", file: file)
        }
      case _ where Self.workKeys.contains(key):
        try readWork(key, value, file: file)
      default:
        throw .unknownKey(
          file: file, key: key,
          known: [
            "default_client", "week_start", "hours_format", "lang",
            "templates_dir", "database",
          ] + Self.workKeys
            + ["[mail]", "[smtp]", "[imap]", "[oauth2]", "[clients.NAME]"])
      }
    }
  }

  /// Reads the `[mail]` table.
  private mutating func readMail(_ table: TOMLTable, file: String) throws(ConfigError) {
    for (key, value) in table {
      switch key {
      case "from":
        let expected = "an address such as \"Ana Ruiz <ana@consult.es>\""
        let text = try Self.string(value, key: "mail.from", file: file, expected: expected)
        guard let address = try? MailAddress(parsing: text) else {
          throw .badValue(file: file, key: "mail.from", expected: expected)
        }
        mailFrom = address
      case "transport":
        transport = try Self.choice(value, key: "mail.transport", file: file, expected: "\"smtp\" or \"sendmail\"")
      case "sendmail_path":
        sendmailPath = try Self.string(value, key: "mail.sendmail_path", file: file, expected: "a program's path")
      default:
        throw .unknownKey(file: file, key: "mail.\(key)", known: ["from", "transport", "sendmail_path"])
      }
    }
  }

  /// One of the words a setting takes (`"h:mm"` or `"decimal"`), as the type that names them.
  static func choice<T: RawRepresentable>(
    _ value: any TOMLValueConvertible, key: String, file: String,
    expected: String
  ) throws(ConfigError) -> T where T.RawValue == String {
    guard let choice = T(rawValue: try string(value, key: key, file: file, expected: expected)) else {
      throw .badValue(file: file, key: key, expected: expected)
    }
    return choice
  }

  static func string(_ value: any TOMLValueConvertible, key: String, file: String, expected: String)
    throws(ConfigError) -> String
  {
    guard let text = value.string, !text.trimmed.isEmpty else {
      throw .badValue(file: file, key: key, expected: expected)
    }
    return text.trimmed
  }
}

/// Why the config file cannot be used.
package enum ConfigError: UserError, Equatable {
  case missing(file: String)
  case unreadable(file: String)
  case notUTF8(file: String, offset: Int)
  case syntax(file: String, line: Int, message: String)
  case unknownKey(file: String, key: String, known: [String])
  case badValue(file: String, key: String, expected: String)

  package var exitStatus: ExitStatus { self == .missing(file: file) ? .noInput : .config }

  private var file: String {
    switch self {
    case .missing(let file), .unreadable(let file), .notUTF8(let file, _), .syntax(let file, _, _),
      .unknownKey(let file, _, _),
      .badValue(let file, _, _):
      file
    }
  }

  package var description: String {
    switch self {
    case .missing(let file):
      "the config file '\(file)' does not exist; check the path, or drop --config and TSHEET_CONFIG."
    case .notUTF8(let file, let offset):
      "the config file '\(file)' is not UTF-8 text (byte \(offset)); save it as UTF-8, e.g. iconv -f windows-1252 -t utf-8."
    case .unreadable(let file):
      "cannot read the config file '\(file)'; check its permissions."
    case .syntax(let file, let line, let message):
      "\(file) line \(line): \(message); fix the TOML syntax."
    case .unknownKey(let file, let key, let known):
      "\(file): unknown key '\(key)'; the keys here are \(known.dropLast().joined(separator: ", ")) and \(known.last!)."
    case .badValue(let file, let key, let expected):
      "\(file): '\(key)' must be \(expected)."
    }
  }
}
