import ArgumentParser
import TsheetKit

struct RemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rm",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Remove entries, all or none.",
    discussion: """
      If any id does not exist, nothing is removed.

      Examples:
        tsheet rm 42
        tsheet rm 42 43 44
      """)

  @Argument(help: "The ids of the entries to remove.", completion: .entryIDs)
  var ids: [Int64] = []

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if ids.isEmpty { throw ValidationError("name the entries to remove by id, e.g. tsheet rm 42.") }
  }

  func run() throws {
    let context = try global.context()
    let terminal = Terminal(context)
    for entry in try Logbook(context).remove(ids) { try write("Removed \(terminal.summary(of: entry))\n") }
  }
}
