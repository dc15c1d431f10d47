import ArgumentParser
import TsheetCore
import TsheetKit

struct CopyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "copy",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Copy the whole log into an empty one: a file, or a team's PostgreSQL database.",
    discussion: """
      Everything the log holds goes: the entries with their ids and people, the clients with every setting \
      (rounding, contracted hours, language, recipients), the emails written and sent (so the never-twice \
      rule and each client's thread go on), the days off, running timers and import keys. Copied back, the \
      log is the same, table for table.

      The destination must hold nothing: a new file, an empty log, or an empty PostgreSQL database. All or \
      nothing: a row the destination refuses, or a server lost on the way, leaves it without a row of the \
      copy (a file the copy made is removed). The source is --db, as for every command.

      Examples:
        tsheet copy --to postgres://ana@db.example.com/team
        tsheet copy --db postgres://ana@db.example.com/team --to backup.sqlite
      """)

  @Option(
    help: ArgumentHelp("The empty log to copy into: a new file, or postgres://user@host/dbname.", valueName: "dest"),
    completion: .file())
  var to: String

  @Flag(help: "No progress on the terminal.")
  var quiet = false

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if to.isEmpty { throw ValidationError("--to needs a file or a postgres:// URL to copy into.") }
  }

  func run() throws {
    let context = try global.context()
    let progress = Progress(verb: "Copied", quiet: quiet)
    let copied = try LogCopy(readingOnly: context).copy(to: to, progress: progress.report)
    progress.finish()
    try write(Terminal(context).copied(copied))
  }
}
