import TsheetStore

/// A unit of work on the log (logging, a report, the Monday email, an import…), made from the run's context
/// and the store that holds the log; each of its methods is one transaction, or a few that belong together.
package protocol UseCase {
  init(_ context: Context, store: any Store)
}

/// How long a command a prompt calls waits for a team's server to take the connection.
let promptDeadline = Duration.milliseconds(1500)

extension UseCase {
  /// The use case on the log `context` names, opened (and created) now.
  package init(_ context: Context) throws {
    self.init(context, store: try context.openStore())
  }

  /// The use case on the log `context` names, for a command that only reads: a log that does not exist yet
  /// reads as empty, and is not created (`tsheet status` in a prompt makes no folder in a new account).
  package init(readingOnly context: Context) throws {
    self.init(context, store: try context.openStoreForReading())
  }

  /// The use case on the log `context` names (for reading only when `readingOnly`), once the config's
  /// `[clients.NAME]` sections are settled in that log, on the same connection: `settled` hears what became of
  /// them. Commands that bill or show clients' terms are made this way.
  package init(settling context: Context, readingOnly: Bool = false, _ settled: (SettledSections) -> Void) throws {
    let store = try readingOnly ? context.openStoreForReading() : context.openStore()
    if !context.config.clientSections.isEmpty { settled(try ClientSections(context, store: store).settle()) }
    self.init(context, store: store)
  }

  /// The use case for a command a shell prompt calls (`tsheet status`): it only reads, and a team's server is
  /// given `promptDeadline` to answer before the command says it could not ask.
  package init(forPrompt context: Context) throws {
    self.init(context, store: try context.openStoreForReading(connectDeadline: promptDeadline))
  }
}
