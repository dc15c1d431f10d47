import TsheetCore
import TsheetStore

/// What `tsheet start` was asked: `tsheet start Fixed SSO login -c acme`.
package struct TimerRequest: Sendable {
  /// The title's words.
  package var words: [String]
  package var client: String?
  package var description: String?

  package init(words: [String], client: String? = nil, description: String? = nil) {
    self.words = words
    self.client = client
    self.description = description
  }
}

/// A running timer and how long it has run, as `status`, `list` and `week` show it.
package struct TimerStatus: Sendable, Equatable {
  package var timer: RunningTimer
  package var elapsed: Minutes
}

/// The person's running timer, kept in the log so that every terminal sees it: start, look, stop (logging what
/// it ran), cancel. Each is one transaction.
package struct Timekeeper: UseCase {
  let context: Context
  let store: any Store

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
  }

  /// Starts a timer now. One already running is stopped and logged first, in the same transaction: when it
  /// cannot be logged as it stands (it ran too long), nothing changes.
  /// - Returns: the entries the previous timer logged (none when none ran), and the new timer.
  package func start(_ request: TimerRequest) throws -> (logged: [Entry], started: RunningTimer) {
    guard let client = request.client ?? context.config.defaultClient else { throw LogRequestError.missingClient }
    let timer = RunningTimer(
      client: try EntryField.client(client),
      title: try EntryField.title(request.words.joined(separator: " ")),
      description: try EntryField.description(request.description ?? ""),
      started: context.now)
    return try store.write { log in
      let logged = try stopRunning(in: log, duration: nil, description: nil) ?? []
      return (logged, try log.start(timer, for: context.person))
    }
  }

  /// The running timer and how long it has run; nil when none runs.
  package func status() throws -> TimerStatus? {
    try store.read { try Self.status(in: $0, context: context) }
  }

  /// The person's running timer in `log`, shown when `filter` shows it (always when nil).
  static func status(in log: any LogReader, context: Context, shownBy filter: EntryFilter? = nil) throws
    -> TimerStatus?
  {
    guard let timer = try log.timer(of: context.person), filter?.person.map({ $0 == context.person }) ?? true,
      filter.map({ timer.isShown(by: $0, at: context.now) }) ?? true
    else { return nil }
    return TimerStatus(timer: timer, elapsed: timer.elapsed(at: context.now))
  }

  /// Stops the running timer and logs it: what it ran, or `duration` when given; one entry per day.
  /// - Returns: the entries logged.
  /// - Throws: `TimerError.notRunning`, or `.ranTooLong` (the timer keeps running).
  package func stop(duration: Minutes? = nil, description: String? = nil) throws -> [Entry] {
    let description = try description.map { try EntryField.description($0) }
    return try store.write { log in
      guard let logged = try stopRunning(in: log, duration: duration, description: description) else {
        throw TimerError.notRunning
      }
      return logged
    }
  }

  /// Drops the running timer without logging it.
  /// - Returns: the timer dropped.
  package func cancel() throws -> RunningTimer {
    try store.write { log in
      guard let timer = try log.timer(of: context.person) else { throw TimerError.notRunning }
      try log.removeTimer(of: context.person)
      return timer
    }
  }

  /// Logs and removes the person's timer in `log`; nil when none runs.
  private func stopRunning(in log: any LogWriter, duration: Minutes?, description: String?) throws -> [Entry]? {
    guard let timer = try log.timer(of: context.person) else { return nil }
    let entries = try timer.entries(
      of: context.person, stoppedAt: context.now, duration: duration, description: description,
      limit: context.config.maxTimer)
    try log.removeTimer(of: context.person)
    return try entries.map { try log.add($0) }
  }
}
