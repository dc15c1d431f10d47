import ArgumentParser
import TsheetCore
import TsheetKit

/// Which email and which days: the options `week` and `send` share.
struct EmailPeriodOptions: ParsableArguments {
  @Option(help: "day (an end-of-day update), week (default) or month (a monthly statement).")
  var period: EmailVariant = .week

  @Option(help: ArgumentHelp("The week: last (default), this, a date, or 2026-W47.", valueName: "week"))
  var week: String?

  @Option(help: "The day of a day update (default: today).")
  var date: String?

  @Option(help: ArgumentHelp("The month of a statement: last (default), this, or 2026-11.", valueName: "month"))
  var month: String?

  var request: EmailPeriodRequest { EmailPeriodRequest(variant: period, day: date, week: week, month: month) }
}
