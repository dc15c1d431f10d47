import TsheetCore
import TsheetTransfer

/// The forms `tsheet status` writes.
package enum StatusFormat: String, Sendable, CaseIterable {
  case text, json
}

/// What the terminal shows of the timer and of the working days.
extension Terminal {
  /// `Started "Fixed SSO login" for acme at 09:00.`
  package func started(_ timer: RunningTimer) -> String {
    "Started \"\(timer.title)\" for \(timer.client) at \(timer.started.clock).".escapingControlCharacters + "\n"
  }

  /// A line per entry a stopped timer logged.
  package func logged(_ entries: [Entry]) -> String {
    entries.map { "Logged \(summary(of: $0))\n" }.joined()
  }

  /// `Cancelled "Fixed SSO login" for acme, started at 09:00; nothing was logged.`
  package func cancelled(_ timer: RunningTimer) -> String {
    ("Cancelled \"\(timer.title)\" for \(timer.client), started \(since(timer.started)); nothing was logged.")
      .escapingControlCharacters + "\n"
  }

  /// The running timer, in `format`; for none, a line (text) or `null` (JSON).
  package func status(_ status: TimerStatus?, as format: StatusFormat) -> String {
    switch (format, status) {
    case (.text, nil): return "No timer is running.\n"
    case (.json, nil): return "null\n"
    case (.text, let status?):
      let timer = status.timer
      return "\(timer.client)  \(timer.title)  since \(since(timer.started))  \(status.elapsed.formatted(hoursFormat))"
        .escapingControlCharacters + "\n"
        + (timer.description.isEmpty ? "" : "  " + timer.description.escapingControlCharacters + "\n")
    case (.json, let status?):
      let timer = status.timer
      return JSONText.object([
        "title": JSONText.string(timer.title), "client": JSONText.string(timer.client),
        "description": JSONText.string(timer.description),
        "started": JSONText.string(timer.started.isoMinute),
        "minutes": String(status.elapsed.value),
      ]) + "\n"
    }
  }

  /// The provisional line of a running timer above a listing: it is in no total until stopped.
  package func provisional(_ status: TimerStatus?) -> String {
    guard let status else { return "" }
    let line =
      "Running since \(since(status.timer.started)) (not logged yet): \(status.timer.client)  "
      + "\(status.timer.title)  \(status.elapsed.formatted(hoursFormat))"
    return line.escapingControlCharacters.styled(.dim, when: context.usesColor) + "\n"
  }

  /// The gaps `list` holds, one a line (with its person for the team's); a line saying there are none
  /// otherwise.
  package func gaps(_ list: GapList) -> String {
    let (first, last) = (list.days.first, list.days.last)
    if list.isTeam, list.people.isEmpty { return "Nobody logged work from \(first) to \(last).\n" }
    guard !list.gaps.isEmpty else {
      let whose = list.isTeam ? " for " + list.people.joined(separator: ", ") : ""
      return "No gaps from \(first) to \(last)\(whose).".escapingControlCharacters + "\n"
    }
    let width = list.isTeam ? list.gaps.map(\.person.width).max() ?? 0 : 0
    return list.gaps.map { line in
      let gap = line.gap
      return
        ("\(gap.day)  \(gap.day.weekday.shortName)  " + (list.isTeam ? line.person.padded(to: width) + "  " : "")
        + (gap.logged.value == 0 ? "nothing logged" : "\(gap.logged.formatted(hoursFormat)) logged")
        + (gap.missing.map { ", \($0.formatted(hoursFormat)) missing" } ?? "")).escapingControlCharacters + "\n"
    }.joined()
  }

  /// The warning `week` and `send` print on standard error for a gap in the period they write: the person is
  /// named when it is not the run's own.
  package func warning(_ line: PersonGap) -> String {
    let gap = line.gap
    let day = "\(gap.day.weekday.shortName) \(gap.day)"
    let what =
      gap.logged.value == 0
      ? "nothing is logged on \(day)"
      : "\(day) holds \(gap.logged.formatted(hoursFormat)) of \(((gap.missing ?? Minutes(0)) + gap.logged).formatted(hoursFormat))"
    let own = line.person == context.person
    return
      ("Warning: " + (own ? "" : "\(line.person): ") + what + "; log it, or mark it off with 'tsheet off \(gap.day)"
      + (own ? "" : " --as \(line.person.shellQuoted)") + "'.").escapingControlCharacters + "\n"
  }

  /// The days marked off, one a line: whose (everyone's for a holiday) and why.
  package func daysOff(_ days: [DayOff]) -> String {
    guard !days.isEmpty else { return "No days off.\n" }
    let whose = days.map { $0.person ?? "everyone" }
    let width = whose.map(\.width).max() ?? 0
    return zip(days, whose).map { day, who in
      "\(day.day)  \(day.day.weekday.shortName)  \(day.reason.isEmpty ? who : who.padded(to: width) + "  " + day.reason)"
        .escapingControlCharacters + "\n"
    }.joined()
  }

  /// `09:00`, or `Sun 2026-11-22 22:00` for a start on another day than today.
  private func since(_ time: LocalTime) -> String {
    time.day == context.now.day ? time.clock : "\(time.day.weekday.shortName) \(time.day) \(time.clock)"
  }
}
