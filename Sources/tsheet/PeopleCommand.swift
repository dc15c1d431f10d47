import ArgumentParser
import TsheetCore
import TsheetKit

struct PeopleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "people",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Fix how a person is named in the log.",
    discussion: """
      Every entry says who did the work. An import from a tracker may have named someone as the tracker does \
      ("Ana Ruiz" beside "ana"): rename makes the two one.

      Examples:
        tsheet people rename "Ana Ruiz" ana
      """,
    subcommands: [Rename.self])

  struct Rename: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rename", abstract: "Give one person's entries and timer to another name.",
      discussion: """
        The name may be one the log knows already: the two become one person. Rows an earlier import brought \
        stay imported: the same file imported again as the new name adds nothing.
        """)

    @Argument(help: "The name as the log has it.", completion: .people) var old: String
    @Argument(help: "The name to give.") var new: String
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      do { _ = try EntryField.person(new) } catch {
        throw ValidationError("'\(new.echoed())' cannot name a person; give a name on one line, such as ana.")
      }
    }

    func run() throws {
      let (name, entries) = try People(global.context()).rename(old, to: new)
      try write("Renamed '\(old.echoed())' to '\(name.echoed())': \(entries) \(entries == 1 ? "entry" : "entries").\n")
    }
  }
}
