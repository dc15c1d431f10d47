import ArgumentParser
import TsheetCore
import TsheetKit

extension StatusFormat: ExpressibleByArgument {}

struct StartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Start a timer for what you are about to do; 'tsheet stop' logs it.",
    discussion: """
      The timer is kept in the log: every terminal sees it. One runs at a time: a timer already running is \
      stopped and logged first.

      Examples:
        tsheet start Fixed SSO login -c acme
        tsheet start "ERP upgrade" -c globex -d "Staging first"
      """)

  @Argument(help: ArgumentHelp("What you are doing.", valueName: "title"), completion: .titles)
  var words: [String] = []

  @Option(name: .shortAndLong, help: "The client (default: default_client from the config).", completion: .clients)
  var client: String?

  @Option(name: .shortAndLong, help: "A longer description of the work.")
  var description: String?

  @OptionGroup var acting: ActingOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let context = try global.context().acting(as: acting.person)
    let (logged, started) = try Timekeeper(context).start(
      TimerRequest(
        words: words, client: client,
        description: description))
    let terminal = Terminal(context)
    try write(terminal.logged(logged) + terminal.started(started))
  }
}

struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Show the running timer; exit 0 when one runs, 1 when none does.",
    discussion: """
      The JSON form is {"title", "client", "description", "started" (YYYY-MM-DDTHH:MM, local time), \
      "minutes"}, or null when no timer runs.

      Examples:
        tsheet status
        tsheet status --json
      """)

  @Option(help: "text or json.")
  var format: StatusFormat = .text
  @OptionGroup var json: JSONOption

  @OptionGroup var acting: ActingOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    try Self.show(global.context().acting(as: acting.person), as: json.format(format))
  }

  /// Writes the running timer of `context`'s person as `format`.
  /// - Throws: `ExitCode(1)` when no timer runs.
  static func show(_ context: Context, as format: StatusFormat) throws {
    let status = try Timekeeper(forPrompt: context).status()
    try write(Terminal(context).status(status, as: format))
    if status == nil { throw ExitCode(1) }
  }
}

struct StopCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stop",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Stop the running timer and log it.",
    discussion: """
      Logs the time it ran, to the nearest minute (at least one); a timer that crossed midnight gives an \
      entry per day. Give DURATION when the timer ran on after the work ended: it is logged instead. A timer \
      that ran longer than max_timer_hours (config, default 12) is only stopped with a DURATION.

      Examples:
        tsheet stop
        tsheet stop -d "Root cause: clock skew on the IdP"
        tsheet stop 7h30m
      """)

  @Argument(help: ArgumentHelp("How long the work took, when not the time the timer ran.", valueName: "duration"))
  var duration: String?

  @Option(name: .shortAndLong, help: "The entry's description (instead of the one given to start).")
  var description: String?

  @OptionGroup var acting: ActingOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let context = try global.context().acting(as: acting.person)
    let minutes = try duration.map { try Minutes(parsing: $0) }
    try write(Terminal(context).logged(try Timekeeper(context).stop(duration: minutes, description: description)))
  }
}

struct CancelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cancel",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Drop the running timer without logging it.")

  @OptionGroup var acting: ActingOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let context = try global.context().acting(as: acting.person)
    try write(Terminal(context).cancelled(try Timekeeper(context).cancel()))
  }
}
