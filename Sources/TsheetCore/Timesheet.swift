/// One client's account of a period, day by day: what the Monday email tells.
package struct Timesheet: Sendable, Equatable {
  /// One day of the period with its entries, oldest logged first; minutes are billed (rounded) minutes.
  package struct Day: Sendable, Equatable {
    package var day: CalendarDay
    package var entries: [Entry]
    package var total: Minutes { entries.map(\.minutes).sum() }

    package init(day: CalendarDay, entries: [Entry]) {
      self.day = day
      self.entries = entries
    }
  }

  package var client: String
  package var period: DayRange
  /// Every day of the period, those without entries too.
  package var days: [Day]
  /// Billed minutes from the first of the month of the period's last day to that day.
  package var monthToDate: Minutes
  /// Billed minutes from 1 January of the period's last day's year to that day.
  package var yearToDate: Minutes
  package var contract: ContractStatus?
  package var rounding: Rounding?

  package init(
    client: String, period: DayRange, days: [Day], monthToDate: Minutes, yearToDate: Minutes,
    contract: ContractStatus? = nil, rounding: Rounding? = nil
  ) {
    self.client = client
    self.period = period
    self.days = days
    self.monthToDate = monthToDate
    self.yearToDate = yearToDate
    self.contract = contract
    self.rounding = rounding
  }

  /// The billed minutes of the whole period.
  package var total: Minutes { days.map(\.total).sum() }

  /// The billed minutes of each person who worked in the period, by name.
  package var people: [(person: String, minutes: Minutes)] {
    var minutes: [String: Minutes] = [:]
    for day in days {
      for entry in day.entries { minutes[entry.person, default: .zero] += entry.minutes }
    }
    return minutes.sorted { ($0.key.lowercased(), $0.key) < ($1.key.lowercased(), $1.key) }.map { ($0.key, $0.value) }
  }

  /// The ISO week that holds the period's first day.
  package var isoWeek: ISOWeek { ISOWeek(containing: period.first.adding(days: 3)) }
}
