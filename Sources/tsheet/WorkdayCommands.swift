import ArgumentParser
import TsheetCore
import TsheetKit

struct GapsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gaps",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "List the workdays with nothing logged, before the client's email goes out.",
    discussion: """
      RANGE is last (the default: last week), this, a week (2026-W47), a month (2026-11), a year (2026), a \
      day, or two days joined by .. (2026-11-16..2026-11-20). Workdays are Monday to Friday unless the config \
      says otherwise (workdays = ["mon", "tue", "wed", "thu"]); days up to yesterday count, every client's \
      hours together, and days marked off with 'tsheet off' never do. With hours_per_day in the config, a \
      workday holding less is listed too, with what it lacks.

      Examples:
        tsheet gaps
        tsheet gaps this
        tsheet gaps 2026-11
      """)

  @Argument(help: ArgumentHelp("The days to look at (default: last week).", valueName: "range"))
  var range = "last"

  @OptionGroup var acting: ActingOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let context = try global.context().acting(as: acting.person)
    let days = try RangeWord.span(parsing: range, today: context.today, startingOn: context.config.weekStart)
    try write(Terminal(context).gaps(try WorkCalendar(readingOnly: context).gaps(in: days), in: days))
  }
}

struct OffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "off",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Mark days off (holidays, leave): they are never gaps.",
    discussion: """
      DAYS is a day or a span, as 'tsheet gaps' takes them (2026-12-24..2026-12-31 marks each day). Without \
      DAYS, lists the days marked off.

      Examples:
        tsheet off 2026-12-08 --reason "Inmaculada"
        tsheet off 2026-12-24..2026-12-31 --reason "Navidad"
        tsheet off 2026-12-08 --remove
        tsheet off
      """)

  @Argument(help: ArgumentHelp("The day, or days, off.", valueName: "days"))
  var days: String?

  @Option(help: "Why: a holiday's name, leave…")
  var reason: String?

  @Flag(help: "Unmark the days instead.")
  var remove = false

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if days == nil, remove || reason != nil { throw ValidationError("name the days, e.g. tsheet off 2026-12-08.") }
    if remove, reason != nil { throw ValidationError("--reason goes with marking days off, not with --remove.") }
  }

  func run() throws {
    let context = try global.context()
    let calendar = try WorkCalendar(context)
    guard let days else { return try write(Terminal(context).daysOff(try calendar.daysOff(in: nil))) }
    let span = try RangeWord.span(parsing: days, today: context.today, startingOn: context.config.weekStart).days
    let described = span.count == 1 ? "\(span[0])" : "\(span.count) days, \(span[0]) to \(span[span.count - 1])"
    if remove {
      let unmarked = try calendar.unmarkOff(span)
      try write(unmarked.count == span.count ? "No day off to unmark in \(described).\n" : "Unmarked \(described).\n")
    } else {
      try calendar.markOff(span, reason: reason)
      try write("Marked \(described) off.\n")
    }
  }
}
