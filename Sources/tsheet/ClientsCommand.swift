import ArgumentParser
import TsheetCore
import TsheetKit

struct ClientsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clients",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "List, rename and merge clients; set where and in which language their emails go.",
    discussion: """
      A client is created the first time you log work for it; names match without regard to case.

      Examples:
        tsheet clients
        tsheet clients rename acme "ACME Corp"
        tsheet clients merge "Acme Inc" acme
        tsheet clients set acme --to it@acme.com --cc "Marta <marta@acme.com>, cfo@acme.com" --lang es
      """,
    subcommands: [List.self, Rename.self, Merge.self, Set.self],
    defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List clients with their entry count, total hours and last activity.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = try global.context()
      try write(Terminal(context).clients(try ClientBook(readingOnly: context).summaries()))
    }
  }

  struct Rename: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rename", abstract: "Rename a client; its entries follow.")

    @Argument(help: "The client's current name.", completion: .clients) var old: String
    @Argument(help: "The new name.") var new: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let name = try ClientBook(global.context()).rename(old, to: new)
      try write("Renamed client '\(old.echoed())' to '\(name.echoed())'.\n")
    }
  }

  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set", abstract: "Set who receives a client's emails, and in which language.",
      discussion: "Addresses are separated by commas: \"Marta Gil <marta@acme.com>, it@acme.com\".")

    @Argument(help: "The client.", completion: .clients) var client: String
    @Option(help: "The To addresses.") var to: String?
    @Option(help: "The Cc addresses (an empty text removes them).") var cc: String?
    @Option(help: "The client's language: en or es.") var lang: Language?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      if to == nil, cc == nil, lang == nil { throw ValidationError("give --to, --cc or --lang.") }
    }

    func run() throws {
      let context = try global.context()
      try write(
        Terminal(context).recipients(
          try ClientBook(context).setRecipients(
            of: client, to: to, cc: cc,
            language: lang)))
    }
  }

  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge", abstract: "Move every entry of one client to another, and remove the first.")

    @Argument(help: "The client to merge away.", completion: .clients) var from: String
    @Argument(help: "The client that keeps the entries.", completion: .clients) var into: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let moved = try ClientBook(global.context()).merge(from, into: into)
      try write(
        "Merged '\(from.echoed())' into '\(into.echoed())': \(moved) \(moved == 1 ? "entry" : "entries") moved.\n")
    }
  }
}
