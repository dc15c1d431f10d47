import TsheetCore

/// The terminal form of a timesheet: each day with its entries and total, then the week, month and year.
package struct TimesheetText: Sendable {
  package var hoursFormat: HoursFormat

  package init(hoursFormat: HoursFormat) { self.hoursFormat = hoursFormat }

  package func render(_ timesheet: Timesheet) -> String {
    var timesheet = timesheet
    timesheet.client = timesheet.client.escapingControlCharacters
    for index in timesheet.days.indices {
      timesheet.days[index].entries = timesheet.days[index].entries.map { $0.escapedForTerminal }
    }
    let titles = timesheet.days.flatMap(\.entries).map { $0.title.width + 2 }
    let labelWidth = max(titles.max() ?? 0, 26)
    let hoursWidth = max(timesheet.yearToDate.formatted(hoursFormat).width, 5)
    func line(_ label: String, _ minutes: Minutes?) -> String {
      let hours = minutes.map { $0.formatted(hoursFormat) } ?? "-"
      return label.padded(to: labelWidth) + "  " + String(repeating: " ", count: hoursWidth - hours.width)
        + hours + "\n"
    }
    let period = timesheet.period
    var output =
      "\(timesheet.client) · week \(timesheet.isoWeek) · \(period.first.weekday.shortName) "
      + "\(period.first) – \(period.last.weekday.shortName) \(period.last)\n\n"
    for day in timesheet.days {
      output += line("\(day.day.weekday.shortName) \(day.day)", day.entries.isEmpty ? nil : day.total)
      for entry in day.entries {
        output += line("  " + entry.title, entry.minutes)
        for note in entry.description.nonBlankLines { output += "      \(note)\n" }
      }
    }
    output += "\n" + line("Week total", timesheet.total)
    output += line("Month to date (\(period.last.description.prefix(7)))", timesheet.monthToDate)
    output += line("Year to date (\(period.last.year))", timesheet.yearToDate)
    if let contract = timesheet.contract { output += ContractText.sentence(contract, format: hoursFormat) + "\n" }
    if let rule = timesheet.rounding {
      output += "Each entry rounded \(rule.mode.rawValue) to \(rule.step.compact).\n"
    }
    return output
  }
}
