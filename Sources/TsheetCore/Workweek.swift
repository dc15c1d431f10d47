/// The days a person works and how long (`workdays`, `hours_per_day` in the config): what tells a forgotten day
/// from a day off.
package struct Workweek: Hashable, Sendable {
  package var workdays: Set<Weekday>
  /// The time a workday should hold; nil when any time at all will do.
  package var hoursPerDay: Minutes?

  package init(
    workdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday],
    hoursPerDay: Minutes? = nil
  ) {
    self.workdays = workdays
    self.hoursPerDay = hoursPerDay
  }

  /// The workdays of `range` before `today` (today is not over) that are not `daysOff` and hold nothing, or
  /// less than `hoursPerDay`; `logged` holds the minutes of each day that has any.
  package func gaps(
    in range: DayRange, before today: CalendarDay, logged: [CalendarDay: Minutes],
    daysOff: Set<CalendarDay>
  ) -> [Gap] {
    guard range.first < today else { return [] }
    let days = DayRange(first: range.first, last: min(range.last, today.adding(days: -1))).days
    return days.compactMap { day in
      guard workdays.contains(day.weekday), !daysOff.contains(day) else { return nil }
      let minutes = logged[day] ?? Minutes(0)
      if minutes.value == 0 { return Gap(day: day, logged: minutes, missing: hoursPerDay) }
      guard let hoursPerDay, minutes < hoursPerDay else { return nil }
      return Gap(day: day, logged: minutes, missing: Minutes(hoursPerDay.value - minutes.value))
    }
  }
}

/// A workday that holds less than it should.
package struct Gap: Hashable, Sendable {
  package var day: CalendarDay
  /// What the day holds: nothing, or less than a workday.
  package var logged: Minutes
  /// What it lacks of `hours_per_day`; nil when the config sets none.
  package var missing: Minutes?

  package init(day: CalendarDay, logged: Minutes, missing: Minutes?) {
    self.day = day
    self.logged = logged
    self.missing = missing
  }
}

/// A workday of one person's that holds less than it should: a line of `gaps --team`, a warning before a
/// team's email.
package struct PersonGap: Hashable, Sendable {
  package var person: String
  package var gap: Gap

  package init(person: String, gap: Gap) {
    self.person = person
    self.gap = gap
  }
}

/// A day marked off (`tsheet off`): a person's leave, or a holiday for everyone (`person` nil). Never a gap of
/// the people it is off for.
package struct DayOff: Hashable, Sendable {
  package var day: CalendarDay
  /// Whose day off it is; nil for everyone.
  package var person: String?
  package var reason: String

  package init(day: CalendarDay, person: String? = nil, reason: String = "") {
    self.day = day
    self.person = person
    self.reason = reason
  }

  /// Whether the day is off for `person`: their own, or everyone's.
  package func isOff(for person: String) -> Bool { self.person == nil || self.person == person }
}
