import ArgumentParser
import TsheetKit

struct LogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Record an activity you finished.",
    discussion: """
      The last word is the duration: 45m, 1h, 1h30m, 1.5h, 1,5h, 1:30, or a number of minutes. The title needs \
      no quotes. DATE is today (default), yesterday, a weekday (mon, tue… or lun, mar…: the latest one not \
      after today) or YYYY-MM-DD. A title that starts with - goes after --, with the options before it.

      Examples:
        tsheet log "Fixed SSO login" 1h30m -c acme
        tsheet log Weekly sync with IT 45m -c acme --date mon
        tsheet log "Backup restore test" --minutes 90 -c globex -d "Quarterly, 1.2 TB"
        tsheet log -c acme -- "-v flag of the backup script fixed" 30m
      """)

  @Argument(
    help: ArgumentHelp("What you did, then how long it took.", valueName: "title [duration]"),
    completion: .titles)
  var words: [String] = []

  @Option(name: .shortAndLong, help: "The client (default: default_client from the config).", completion: .clients)
  var client: String?

  @Option(name: .shortAndLong, help: "A longer description of the work.")
  var description: String?

  @Option(help: "The day of the work (default: today).")
  var date: String?

  @Option(help: "The duration in minutes, instead of a duration after the title.")
  var minutes: Int?

  @OptionGroup var acting: ActingOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let context = try global.context().acting(as: acting.person)
    let entry = try Logbook(context).log(
      LogRequest(
        words: words, client: client, description: description,
        date: date, minutes: minutes))
    try write("Logged \(Terminal(context).summary(of: entry))\n")
  }
}
