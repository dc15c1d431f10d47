import ArgumentParser
import TsheetKit

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "List entries, newest first, grouped by day.",
    discussion: """
      Without a range, the newest 50 entries are listed (--limit 0 lists all). The table starts with a \
      running timer, as a provisional line, when it belongs to the listing.

      The JSON form is an array of objects with id, date (YYYY-MM-DD), client, title, description and minutes.

      Examples:
        tsheet list --week
        tsheet list -c acme --week last
        tsheet list --from 2026-11-01 --to 2026-11-15 --format csv
        tsheet list --month last -c globex
        tsheet list --search sso --limit 0
      """)

  @OptionGroup var filter: FilterOptions

  @Option(help: "At most this many entries (0: no limit).")
  var limit: Int?

  @Option(help: "table, csv or json.")
  var format: EntryFormat = .table
  @OptionGroup var json: JSONOption

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more (0: no limit).") }
  }

  func run() throws {
    let context = try global.context()
    try Logbook(readingOnly: context).listing(ListRequest(filter: filter.request, limit: limit)) { listing in
      try Terminal(context).write(listing, as: json.format(format), to: .standard)
    }
  }
}
