import TsheetCore

/// What the email templates see: every value already in the client's language, as text.
/// `templates/README.md` documents each key with a worked example; keep the two in step.
package struct TimesheetView: Sendable {
  package struct PeriodView: Sendable {
    /// `day`, `week` or `month`.
    let kind: String
    /// The ISO week number of the period's first week: `47`.
    let weekNumber: Int
    /// `2026-W47`.
    let isoWeek: String
    /// The span in words: `16–22 November 2026`, `del 16 al 22 de noviembre de 2026`.
    let range: String
    /// `Monday 16 November 2026`.
    let first: String
    /// `Sunday 22 November 2026`.
    let last: String
  }

  package struct NoteView: Sendable {
    /// The note as typed.
    let text: String
    /// Its paragraphs, split at blank lines, for HTML.
    let paragraphs: [String]
  }

  package struct EntryView: Sendable {
    let title: String
    let hours: String
    /// Who did it, when the period holds more than one person's work; nil otherwise.
    let person: String?
    /// The description's lines, without blank ones.
    let descriptionLines: [String]
  }

  package struct DayView: Sendable {
    /// `Monday 16 November`.
    let label: String
    /// `2026-11-16`.
    let date: String
    let total: String
    let hasEntries: Bool
    let entries: [EntryView]
    /// The day's bar in pixels, 0 to 160, against the busiest day of the period.
    let barWidth: Int
    /// The same bar as a share of the width it can take, 0 to 100: it shrinks with a phone's screen.
    let barPercent: Int
  }

  package struct ContractView: Sendable {
    let allowance: String
    let used: String
    let left: String
    let over: String
    let isOver: Bool
  }

  /// One person's hours in a team's period.
  package struct PersonView: Sendable {
    let name: String
    let hours: String
  }

  package struct RoundingView: Sendable {
    /// The step in minutes: `15`.
    let step: Int
    /// Whether entries round up (else to the nearest step).
    let up: Bool
  }

  let client: String
  /// The sender's name, for the signature.
  let sender: String
  let lang: String
  let period: PeriodView
  let note: NoteView?
  /// Every day of the period.
  let days: [DayView]
  /// The days with entries only.
  let workedDays: [DayView]
  let total: String
  /// The month of the period's last day: `November`.
  let monthName: String
  let monthToDate: String
  let year: Int
  let yearToDate: String
  let contract: ContractView?
  let rounding: RoundingView?
  /// Each person's hours, by name, when the period holds more than one person's work; nil for one person's.
  let people: [PersonView]?
  /// The rendered subject, for the HTML title; empty while the subject itself renders.
  var subject = ""

  /// The view of `timesheet` as `variant`, in `language`, signed by `sender`, opening with `note` if any.
  package init(_ timesheet: Timesheet, variant: EmailVariant, language: Language, sender: String, note: String?) {
    let busiest = timesheet.days.map(\.total).max() ?? .zero
    let people = timesheet.people
    let isTeam = people.count > 1
    let days = timesheet.days.map { day in
      DayView(
        label: language.dayHeading(day.day), date: day.day.description, total: language.hours(day.total),
        hasEntries: !day.entries.isEmpty,
        entries: day.entries.map { entry in
          EntryView(
            title: entry.title, hours: language.hours(entry.minutes),
            person: isTeam ? entry.person : nil,
            descriptionLines: entry.description.nonBlankLines)
        },
        barWidth: busiest > .zero ? max(2, day.total.value * 160 / busiest.value) : 0,
        barPercent: busiest > .zero ? max(2, day.total.value * 100 / busiest.value) : 0)
    }
    let period = timesheet.period
    client = timesheet.client
    self.sender = sender
    lang = language.rawValue
    self.period = PeriodView(
      kind: variant.rawValue, weekNumber: timesheet.isoWeek.week,
      isoWeek: timesheet.isoWeek.description, range: language.range(period),
      first: language.longDate(period.first), last: language.longDate(period.last))
    // A browser's form sends a textarea's line breaks as CRLF: each is a line break here, never a stray CR.
    self.note = note.map { $0.replacing("\r\n", with: "\n").replacing("\r", with: "\n").trimmed }.flatMap {
      $0.isEmpty ? nil : $0
    }.map { text in
      NoteView(text: text, paragraphs: text.split(separator: "\n\n").map { String($0).trimmed })
    }
    self.days = days
    workedDays = days.filter(\.hasEntries)
    total = language.hours(timesheet.total)
    monthName = language.monthName(period.last.month)
    monthToDate = language.hours(timesheet.monthToDate)
    year = period.last.year
    yearToDate = language.hours(timesheet.yearToDate)
    contract = timesheet.contract.map { contract in
      ContractView(
        allowance: language.hours(contract.allowance), used: language.hours(contract.used),
        left: language.hours(contract.left), over: language.hours(Minutes(-contract.left.value)),
        isOver: contract.isOver)
    }
    rounding = timesheet.rounding.map { RoundingView(step: $0.step.value, up: $0.mode == .up) }
    self.people = isTeam ? people.map { PersonView(name: $0.person, hours: language.hours($0.minutes)) } : nil
  }
}
