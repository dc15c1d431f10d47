/// A timer started with `tsheet start`: the entry it will log, and when it started. One runs per person.
package struct RunningTimer: Hashable, Sendable {
  package var client: String
  package var title: String
  package var description: String
  package var started: LocalTime

  package init(client: String, title: String, description: String = "", started: LocalTime) {
    self.client = client
    self.title = title
    self.description = description
    self.started = started
  }

  /// The minutes it has run at `now`, to the nearest minute; 0 when `now` is before its start.
  package func elapsed(at now: LocalTime) -> Minutes {
    Minutes(max(0, (now.seconds(since: started) + 30) / 60))
  }

  /// Whether a listing of `filter` at `now` shows the timer: its client, a day it ran on, and the text
  /// searched for in its title or description (ASCII letters in any case, as the log searches).
  package func isShown(by filter: EntryFilter, at now: LocalTime) -> Bool {
    if let client = filter.client, ClientName.key(client) != ClientName.key(self.client) { return false }
    if let from = filter.from, max(started.day, now.day) < from { return false }
    if let to = filter.to, started.day > to { return false }
    guard let search = filter.search?.asciiLowercased, !search.isEmpty else { return true }
    return title.asciiLowercased.contains(search) || description.asciiLowercased.contains(search)
  }

  /// The entries that stopping it at `now` logs: from its start to `now`, or for `duration` when given (the
  /// length the user says it was); one entry per day, cut at midnight (`MidnightSplit`). A length that rounds to
  /// nothing logs one minute. `description` replaces the timer's own when given.
  /// - Throws: `TimerError` when it ran longer than `limit` and no `duration` was given, started after `now`, or
  ///   would log work after 9999-12-31.
  package func entries(
    of person: String, stoppedAt now: LocalTime, duration: Minutes? = nil,
    description: String? = nil,
    limit: Minutes
  ) throws(TimerError) -> [NewEntry] {
    let seconds: Int
    if let duration {
      seconds = duration.value * 60
    } else {
      seconds = now.seconds(since: started)
      if seconds < 0 { throw .startedLater(started: started, now: now) }
      if elapsed(at: now) > limit { throw .ranTooLong(elapsed(at: now), since: started, limit: limit) }
    }
    let spans = MidnightSplit.minutesByDay(from: started, seconds: seconds)
    if let last = spans.last?.day, last > .lastSupported { throw .pastCalendarEnd(started: started) }
    return spans.map { day, minutes in
      NewEntry(
        client: client, title: title, description: description ?? self.description, day: day,
        minutes: minutes, person: person)
    }
  }
}

/// Why the timer cannot do what was asked; nothing was changed.
package enum TimerError: UserError, Equatable {
  case notRunning
  case ranTooLong(Minutes, since: LocalTime, limit: Minutes)
  case startedLater(started: LocalTime, now: LocalTime)
  /// The span would reach past 9999-12-31, the last day the log holds.
  case pastCalendarEnd(started: LocalTime)

  package var exitStatus: ExitStatus {
    switch self {
    case .notRunning: .noInput
    case .ranTooLong, .startedLater, .pastCalendarEnd: .dataError
    }
  }

  package var description: String {
    switch self {
    case .notRunning:
      "no timer is running; start one with tsheet start \"TITLE\" -c CLIENT."
    case .ranTooLong(let elapsed, let started, let limit):
      "the timer has run \(elapsed.formatted(.clock)) since \(started.day.weekday.shortName) \(started.day) \(started.clock), "
        + "longer than max_timer_hours (\(limit.compact)); say how long you worked, e.g. tsheet stop 7h30m, "
        + "or drop it with tsheet cancel. It keeps running."
    case .startedLater(let started, let now):
      "the timer started at \(started.day) \(started.clock), after the clock's \(now.day) \(now.clock); "
        + "say how long you worked, e.g. tsheet stop 1h. It keeps running."
    case .pastCalendarEnd(let started):
      "the timer started at \(started.day) \(started.clock) and would end after 9999-12-31, the last day a log "
        + "holds; give a shorter duration, or drop it with tsheet cancel. It keeps running."
    }
  }
}
