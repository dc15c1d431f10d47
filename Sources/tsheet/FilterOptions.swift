import ArgumentParser
import TsheetKit

/// Which entries a command reads: the options `list`, `report` and `export` share.
struct FilterOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Only this client's entries.", completion: .clients)
    var client: String?

    @Option(help: "Only entries whose title or description contains this text.")
    var search: String?

    @OptionGroup var range: RangeOptions

    var request: FilterRequest { FilterRequest(client: client, search: search, range: range.request) }
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
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write to this file (as the shell's > would; - is standard output) instead of the terminal.", valueName: "file"))
    var output: String?
}
