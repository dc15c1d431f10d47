import Foundation
import TsheetCore
import TsheetStore

/// Everything a run learns from outside, read once: where the log and config are, today's date, the terminal.
/// The use cases are made from it; it does no work of its own but open the log.
package struct Context: Sendable {
  package let databasePath: String
  package var config: Config
  /// Today as the user's clock says, or `TSHEET_TODAY` (or the day of `TSHEET_NOW`) when set.
  package let today: CalendarDay
  /// The user's wall clock now, or `TSHEET_NOW` when set (for scripts and tests).
  package let now: LocalTime
  /// Who this run works as (whose entries it logs, whose timer it runs): `person` from the config, else the
  /// login name; `--as` changes it for one run.
  package private(set) var person: String
  /// The person of the entries a log held from before entries said who did the work: the run's own.
  let logOwner: String
  /// Whether output may carry colour: a terminal, and no `NO_COLOR`.
  package let usesColor: Bool
  /// The folder of the user's own templates, which override the built-in ones file by file.
  package let templatesDirectory: String
  /// Where tsheet keeps what it must remember between runs but is not the user's data: the OAuth2 sign-in
  /// (`$XDG_STATE_HOME/tsheet`, default `~/.local/state/tsheet`).
  package let stateDirectory: String
  /// The program that `--edit` opens: `$VISUAL`, `$EDITOR`, else `vi`.
  package let editor: String
  /// The environment, for the variable named by `[smtp] password_env` and nothing else.
  let environment: [String: String]

  /// Reads the environment. Flags win over variables, variables over XDG defaults.
  /// - Throws: `ConfigError` for a bad config file or a bad `TSHEET_TODAY`.
  package init(environment: [String: String], databaseFlag: String?, configFlag: String?) throws {
    let home = environment["HOME"] ?? NSHomeDirectory()
    func xdg(_ variable: String, _ fallback: String) -> String {
      environment[variable].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/\(fallback)"
    }
    let namedConfig = configFlag ?? environment["TSHEET_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
    config = try Config(
      contentsOf: namedConfig ?? "\(xdg("XDG_CONFIG_HOME", ".config"))/tsheet/config.toml",
      required: namedConfig != nil)
    databasePath =
      databaseFlag ?? environment["TSHEET_DB"] ?? config.database
      ?? "\(xdg("XDG_DATA_HOME", ".local/share"))/tsheet/tsheet.sqlite"
    templatesDirectory = config.templatesDirectory ?? "\(xdg("XDG_CONFIG_HOME", ".config"))/tsheet/templates"
    stateDirectory = "\(xdg("XDG_STATE_HOME", ".local/state"))/tsheet"
    editor = environment["VISUAL"] ?? environment["EDITOR"] ?? "vi"
    self.environment = environment
    let pinnedNow = try environment["TSHEET_NOW"].map { text throws(ContextError) in
      guard let now = LocalTime(iso: text) else { throw .badNow(text) }
      return now
    }
    if let pinned = environment["TSHEET_TODAY"] {
      guard let day = CalendarDay(iso: pinned) else { throw ContextError.badToday(pinned) }
      if let pinnedNow, pinnedNow.day != day { throw ContextError.clocksDisagree(today: day, now: pinnedNow) }
      today = day
    } else {
      today = pinnedNow?.day ?? Context.localNow().day
    }
    now = pinnedNow ?? LocalTime(day: today, plus: Context.localNow().second)  // TSHEET_TODAY pins the day only
    person = config.person ?? environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LOGNAME"] ?? "me"
    logOwner = person
    usesColor = isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
  }

  /// Opens (creating if needed) the log: a file, or a team's server for a `postgres://` URL, reached within
  /// `connectDeadline` (the URL's `connect_timeout` when nil).
  func openStore(connectDeadline: Duration? = nil) throws -> any Store {
    try openStore(at: databasePath, person: logOwner, connectDeadline: connectDeadline)
  }

  /// Opens (creating if needed) the log at `location`, a path or a `postgres://` URL; in a new file, the
  /// entries from before entries named a person would be `person`'s (whose import keys hold no person).
  func openStore(at location: String, person: String, connectDeadline: Duration? = nil) throws -> any Store {
    guard PostgresURL.isURL(location) else { return try SQLiteStore(path: location, person: person) }
    return try PostgresStore(
      url: postgresURL(location), environment: environment, connectDeadline: connectDeadline)
  }

  /// The `postgres://` URL `location`, its user `PGUSER`, the login name or the run's person when it names none.
  func postgresURL(_ location: String) throws -> PostgresURL {
    try PostgresURL(parsing: location, defaultUser: environment["PGUSER"] ?? environment["USER"] ?? logOwner)
  }

  /// Opens the log for reading only: one that does not exist yet is an empty log that nothing can write to,
  /// and no file or folder is made. A team's server is reached within `connectDeadline`, as `openStore` does.
  func openStoreForReading(connectDeadline: Duration? = nil) throws -> any Store {
    guard !PostgresURL.isURL(databasePath), !FileManager.default.fileExists(atPath: databasePath) else {
      return try openStore(connectDeadline: connectDeadline)
    }
    return try SQLiteStore(emptyAt: databasePath, person: logOwner)
  }

  /// This context, working as `person` (`--as NAME`) when given.
  /// - Throws: `EntryError` for a name that is empty or holds a control character.
  package func acting(as person: String?) throws -> Context {
    guard let person else { return self }
    var context = self
    context.person = try EntryField.person(person)
    return context
  }

  private static func localNow() -> LocalTime {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    let day =
      CalendarDay(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? .lastSupported  // a clock past the year 9999
    // A leap second (tm_sec 60) counts as the last second of its minute.
    return LocalTime(day: day, plus: Int(parts.tm_hour) * 3600 + Int(parts.tm_min) * 60 + min(Int(parts.tm_sec), 59))
  }
}

/// Why the environment cannot be used.
package enum ContextError: UserError, Equatable {
  case badToday(String)
  case badNow(String)
  case clocksDisagree(today: CalendarDay, now: LocalTime)

  package var exitStatus: ExitStatus { .config }

  package var description: String {
    switch self {
    case .badToday(let value): "TSHEET_TODAY='\(value.echoed())' is not a date; set it as YYYY-MM-DD or unset it."
    case .badNow(let value):
      "TSHEET_NOW='\(value.echoed())' is not a time; set it as YYYY-MM-DDTHH:MM (local time) or unset it."
    case .clocksDisagree(let today, let now):
      "TSHEET_TODAY=\(today) and TSHEET_NOW=\(now.isoMinute) name different days; unset one or make them agree."
    }
  }
}
