import ArgumentParser
import TsheetKit

struct RepliesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replies",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "List the clients' answers to the timesheets sent: who, when, and the first words.",
    discussion: """
      Reads the mailbox named in [imap] (INBOX and the folders it names) for messages that answer an email \
      of 'tsheet sent', so that a question about last week's hours is seen before this week's email goes out.

      Examples:
        tsheet replies
        tsheet replies --week 2026-W47 -c acme
      """)

  @Option(
    help: ArgumentHelp(
      "Only answers to the emails of this week: last, this, a date, or 2026-W47.",
      valueName: "week"))
  var week: String?

  @Option(name: .shortAndLong, help: "Only this client's.", completion: .clients)
  var client: String?

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let context = try global.context()
    try write(Terminal(context).replies(try Replies(readingOnly: context).answers(week: week, client: client)))
  }
}
