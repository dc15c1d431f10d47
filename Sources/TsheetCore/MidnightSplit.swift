/// A span of time cut at local midnight into the minutes it holds on each day it touches: the one rule the
/// timer and every import (Toggl, Clockify, Watson, Timewarrior) log a span by.
///
/// Each day's part is the rounded running total at its end (half a minute rounding up) less the one before, so
/// the parts add up to the whole, rounded: a span is never 59 minutes one way and 60 the other, and the minute
/// a rounding gives lands on the day whose piece ends it. A day whose part rounds to nothing is left out; a span
/// that rounds to nothing counts one minute on its first day.
package enum MidnightSplit {
  /// The parts of a span of `seconds` that starts on `firstDay`, whose `midnights` are the seconds from its
  /// start to each midnight after it, in order (a day apart on the wall clock, less or more on a day summer
  /// time changes). Midnights at or after its end are not read.
  package static func minutesByDay(from firstDay: CalendarDay, seconds: Int, midnights: some Sequence<Int>)
    -> [(day: CalendarDay, minutes: Minutes)]
  {
    var parts: [(day: CalendarDay, minutes: Minutes)] = []
    var day = firstDay
    var minutesBefore = 0
    func close(at end: Int) {
      let minutes = (end + 30) / 60
      if minutes > minutesBefore { parts.append((day, Minutes(minutes - minutesBefore))) }
      minutesBefore = max(minutesBefore, minutes)
      day = day.adding(days: 1)
    }
    for midnight in midnights {
      guard midnight < seconds else { break }
      close(at: midnight)
    }
    close(at: seconds)
    return parts.isEmpty ? [(firstDay, Minutes(1))] : parts
  }

  /// The parts of a span of `seconds` from `start` on the wall clock, where every day has 24 hours.
  package static func minutesByDay(from start: LocalTime, seconds: Int) -> [(day: CalendarDay, minutes: Minutes)] {
    let first = LocalTime.secondsPerDay - start.second
    return minutesByDay(
      from: start.day, seconds: seconds,
      midnights: stride(from: first, to: max(first, seconds), by: LocalTime.secondsPerDay))
  }
}
