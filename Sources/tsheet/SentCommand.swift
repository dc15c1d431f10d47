import ArgumentParser
import TsheetKit

struct SentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sent",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "List the emails that went out: when, to whom, the subject and the Message-ID.",
    discussion: """
      Examples:
        tsheet sent
        tsheet sent -c acme
      """)

  @Option(name: .shortAndLong, help: "Only this client's.", completion: .clients)
  var client: String?

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let context = try global.context()
    try write(Terminal(context).sent(try TimesheetSending(readingOnly: context).sent(to: client)))
  }
}
