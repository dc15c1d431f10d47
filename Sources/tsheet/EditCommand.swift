import ArgumentParser
import TsheetKit

struct EditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Change an entry's title, description, date, client or duration.",
    discussion: """
      Examples:
        tsheet edit 42 2h
        tsheet edit 42 --title "Fixed SSO login for VPN users" --date yesterday
        tsheet edit 42 -c globex --minutes 50
      """)

  @Argument(help: "The entry's id, as 'tsheet list' shows it.", completion: .entryIDs)
  var id: Int64

  @Argument(help: "The new duration.")
  var duration: String?

  @Option(help: "The new title.")
  var title: String?

  @Option(name: .shortAndLong, help: "The new description (an empty text removes it).")
  var description: String?

  @Option(help: "The new day.")
  var date: String?

  @Option(name: .shortAndLong, help: "The new client.", completion: .clients)
  var client: String?

  @Option(help: "The new duration in minutes.")
  var minutes: Int?

  @Option(name: .customLong("as"), help: ArgumentHelp("Whose work it was.", valueName: "name"), completion: .people)
  var person: String?

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if duration != nil, minutes != nil { throw ValidationError("give a duration or --minutes, not both.") }
  }

  func run() throws {
    let context = try global.context()
    let entry = try Logbook(context).edit(
      id,
      EditRequest(
        title: title, description: description, date: date,
        client: client, duration: duration, minutes: minutes,
        person: person))
    try write("Updated \(Terminal(context).summary(of: entry))\n")
  }
}
