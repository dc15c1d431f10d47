import ArgumentParser
import TsheetKit

/// The range options every command that reads a span of days takes.
struct RangeOptions: ParsableArguments {
  @Option(help: "Only days on or after this one (today, yesterday, mon…, YYYY-MM-DD).")
  var from: String?

  @Option(help: "Only days on or before this one.")
  var to: String?

  @Option(help: ArgumentHelp("Only this week: this (a bare --week), last, a date, or 2026-W47.", valueName: "week"))
  var week: String?

  @Option(help: ArgumentHelp("Only this month: this, last, a date, or 2026-11.", valueName: "month"))
  var month: String?

  @Option(help: ArgumentHelp("Only this year: this, last, or 2026.", valueName: "year"))
  var year: String?

  var request: RangeRequest { RangeRequest(from: from, to: to, week: week, month: month, year: year) }
}
