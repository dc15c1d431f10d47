import ArgumentParser
import TsheetKit

/// Which entries a command reads: the options `list`, `report` and `export` share.
struct FilterOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "Only this client's entries.", completion: .clients)
  var client: String?

  @Option(help: "Only this person's entries.", completion: .people)
  var person: String?

  @Option(help: "Only entries whose title or description contains this text.")
  var search: String?

  @OptionGroup var range: RangeOptions

  var request: FilterRequest { FilterRequest(client: client, person: person, search: search, range: range.request) }
}

/// Who did the work a command logs, or whose timer it runs: `--as NAME` for a lead working for someone.
struct ActingOptions: ParsableArguments {
  @Option(
    name: .customLong("as"),
    help: ArgumentHelp(
      "Work as this person (default: person from the config, else your login name).", valueName: "name"),
    completion: .people)
  var person: String?
}

/// Whether to send again, or only to show what would be sent: the options `week --send` and `send` share.
struct SendOptions: ParsableArguments {
  @Flag(help: "Send even if this period already went to the client.")
  var resend = false

  @Flag(name: .customLong("dry-run"), help: "Print what would be sent; connect to nothing.")
  var dryRun = false
}

/// Where a command writes its file.
struct OutputOptions: ParsableArguments {
  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write to this file (as the shell's > would; - is standard output) instead of the terminal.", valueName: "file"))
  var output: String?
}
