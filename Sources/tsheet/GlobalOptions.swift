import ArgumentParser
import Foundation
import TsheetKit

/// The options every command takes: where the log and the config are.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The database file, or a team's postgres://user@host/dbname (default: $TSHEET_DB, else database in the config, else $XDG_DATA_HOME/tsheet/tsheet.sqlite).",
      valueName: "path"))
  var database: String?

  @Option(
    help: ArgumentHelp(
      "The config file (default: $TSHEET_CONFIG, else $XDG_CONFIG_HOME/tsheet/config.toml).", valueName: "path"))
  var config: String?

  /// The run's context, read once from these flags and the environment.
  func context() throws -> Context {
    try Context(environment: ProcessInfo.processInfo.environment, databaseFlag: database, configFlag: config)
  }

  /// The run's context for commands that take none of these flags.
  static func defaultContext() throws -> Context {
    try Context(environment: ProcessInfo.processInfo.environment, databaseFlag: nil, configFlag: nil)
  }
}

/// Writes `text` to standard output as it is.
/// - Throws: `OutputError`: `.closedPipe` when the reader went away (the run then ends quietly), else
///   `.unwritable`.
func write(_ text: String) throws(OutputError) {
  try Output.standard.write(text)
}

/// Says on standard error what became of the config's `[clients.NAME]` sections, which a command that bills or
/// shows clients' terms moves into the log (once; ignored after): for `UseCase.init(settling:)`.
func tellSettled(_ context: Context) -> (SettledSections) -> Void {
  { settled in
    let terminal = Terminal(context)
    if !settled.moved.isEmpty { writeError(terminal.moved(settled.moved)) }
    settled.ignored.forEach { writeError(terminal.ignored($0)) }
    settled.stray.forEach { writeError(terminal.stray($0)) }
  }
}

/// Writes `text` to standard error; a standard error that cannot be written is left alone.
func writeError(_ text: String) {
  var text = text
  text.withUTF8 { bytes in
    var rest = UnsafeRawBufferPointer(bytes)
    while !rest.isEmpty {
      let written = Foundation.write(STDERR_FILENO, rest.baseAddress, rest.count)
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return }
      rest = UnsafeRawBufferPointer(rebasing: rest[written...])
    }
  }
}
