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
      day, or two days joined by .. (2026-11-16..2026-11-20); or give --week, --month, --year, --from and --to \
      as 'tsheet list' takes them (an open end is today). Workdays are Monday to Friday unless the config \
      says otherwise (workdays = ["mon", "tue", "wed", "thu"]); days up to yesterday count, every client's \
      hours together, and a person's days marked off with 'tsheet off' never do, nor do holidays. With \
      hours_per_day in the config, a workday holding less is listed too, with what it lacks. --team looks at \
      everyone with work in the days, a line per person and day.

      Examples:
        tsheet gaps
        tsheet gaps this
        tsheet gaps --month 2026-11 --person luis
        tsheet gaps --team --from 2026-11-01
      """)

  @Argument(help: ArgumentHelp("The days to look at (default: last week).", valueName: "range"))
  var word: String?

  @OptionGroup var range: RangeOptions

  @Option(help: "Whose gaps (default: yours).", completion: .people)
  var person: String?

  @Flag(help: "Everyone's with work in the days: a line per person and day.")
  var team = false

  @OptionGroup var acting: ActingOptions
  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if word != nil, range.request != RangeRequest() {
      throw ValidationError("give the range as a word or with --week, --month, --year, --from, --to; not both.")
    }
    if person != nil, acting.person != nil { throw ValidationError("give --person or --as, not both.") }
    if team, (person ?? acting.person) != nil {
      throw ValidationError("--team looks at everyone; drop --person and --as.")
    }
  }

  func run() throws {
    let context = try global.context().acting(as: acting.person)
    let request = GapsRequest(word: word, range: range.request, person: person, team: team)
    try write(Terminal(context).gaps(try WorkCalendar(readingOnly: context).gaps(request)))
  }
}

struct OffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "off",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Mark days off (leave, or a holiday for everyone): they are never gaps.",
    discussion: """
      DAYS is a day or a span, as 'tsheet gaps' takes them (2026-12-24..2026-12-31 marks each day). The days \
      are your leave (another person's with --as NAME): they hide that person's gaps only. With --everyone \
      they are a holiday, which hides everyone's. Without DAYS, lists the days marked off (with --as, that \
      person's and the holidays; with --everyone, the holidays).

      Examples:
        tsheet off 2026-11-18 --reason "Médico"
        tsheet off 2026-12-24..2026-12-31 --as luis --reason "Vacaciones"
        tsheet off 2026-12-08 --everyone --reason "Inmaculada"
        tsheet off 2026-12-08 --everyone --remove
        tsheet off
      """)

  @Argument(help: ArgumentHelp("The day, or days, off.", valueName: "days"))
  var days: String?

  @Option(help: "Why: a holiday's name, leave…")
  var reason: String?

  @Flag(help: "A holiday: the days are off for everyone.")
  var everyone = false

  @Flag(help: "Unmark the days instead.")
  var remove = false

  @OptionGroup var acting: ActingOptions
  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if days == nil, remove || reason != nil { throw ValidationError("name the days, e.g. tsheet off 2026-12-08.") }
    if remove, reason != nil { throw ValidationError("--reason goes with marking days off, not with --remove.") }
    if everyone, acting.person != nil { throw ValidationError("give --as NAME or --everyone, not both.") }
  }

  func run() throws {
    let context = try global.context().acting(as: acting.person)
    let calendar = try WorkCalendar(context)
    let person = everyone ? nil : context.person
    guard let days else {
      let listed = try calendar.daysOff(in: nil).filter { day in
        if everyone { return day.person == nil }
        return acting.person == nil || day.isOff(for: context.person)
      }
      return try write(Terminal(context).daysOff(listed))
    }
    let span = try RangeWord.span(parsing: days, today: context.today, startingOn: context.config.weekStart)
    let described = span.first == span.last ? "\(span.first)" : "\(span.days.count) days, \(span.first) to \(span.last)"
    let whose = person ?? "everyone"
    guard remove else {
      try calendar.markOff(span.days, for: person, reason: reason)
      return try write("Marked \(described) off for \(whose).".escapingControlCharacters + "\n")
    }
    guard try calendar.unmarkOff(span.days, for: person).count == span.days.count else {
      return try write("Unmarked \(described) for \(whose).".escapingControlCharacters + "\n")
    }
    guard let person else { return try write("No holiday to unmark in \(described).\n") }
    let holidays = try calendar.daysOff(in: span).contains { $0.person == nil }
    try write(
      ("\(person) has no day off to unmark in \(described)"
        + (holidays ? "; the holidays there are everyone's: add --everyone to unmark them." : "."))
        .escapingControlCharacters
        + "\n")
  }
}
