import ArgumentParser
import TsheetCore
import TsheetKit

struct ClientsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clients",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "List, rename and merge clients; set and show their rounding, contracted hours, language and recipients.",
    discussion: """
      A client is created the first time you log work for it; names match without regard to case. Its settings \
      live in the log, so everyone sharing the log bills the same hours.

      Examples:
        tsheet clients
        tsheet clients rename acme "ACME Corp"
        tsheet clients merge "Acme Inc" acme
        tsheet clients set acme --rounding 15m --monthly-hours 60
        tsheet clients set acme --to it@acme.com --cc "Marta <marta@acme.com>, cfo@acme.com" --lang es
        tsheet clients show acme
      """,
    subcommands: [List.self, Show.self, Rename.self, Merge.self, Set.self],
    defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List clients with their entry count, total hours and last activity.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = try global.context()
      let book = try ClientBook(settling: context, readingOnly: true, tellSettled(context))
      try write(Terminal(context).clients(try book.summaries()))
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Show a client's rounding, contracted hours, language and recipients.")

    @Argument(help: "The client.", completion: .clients) var client: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = try global.context()
      let book = try ClientBook(settling: context, readingOnly: true, tellSettled(context))
      try write(Terminal(context).settings(try book.settings(of: client)))
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
      commandName: "set", abstract: "Set a client's rounding, contracted hours, language and recipients.",
      discussion: """
        Only what is given changes. The settings live in the log: reports, emails and exports bill by them, the \
        same for everyone sharing the log. Addresses are separated by commas: \
        "Marta Gil <marta@acme.com>, it@acme.com".
        """)

    @Argument(help: "The client.", completion: .clients) var client: String
    @Option(help: "Bill each entry rounded to this step: 15m, 30m, 1h; none bills as logged.") var rounding: String?
    @Option(help: "How --rounding rounds: up (the default) or nearest.") var roundingMode: Rounding.Mode?
    @Option(help: "The hours a month the contract covers (60, 20.5); none for no contract.") var monthlyHours: String?
    @Option(help: "The client's language: en or es.") var lang: Language?
    @Option(help: "The To addresses.") var to: String?
    @Option(help: "The Cc addresses (an empty text removes them).") var cc: String?
    @OptionGroup var global: GlobalOptions

    /// The terms the flags change, checked before the log is opened.
    var change: TermsChange {
      get throws(TermsError) { try TermsChange(rounding: rounding, mode: roundingMode, monthlyHours: monthlyHours) }
    }

    func validate() throws {
      let change: TermsChange
      do { change = try self.change } catch { throw ValidationError(error.description) }
      if to == nil, cc == nil, lang == nil, change.isEmpty {
        throw ValidationError("give --rounding, --rounding-mode, --monthly-hours, --lang, --to or --cc.")
      }
    }

    func run() throws {
      let context = try global.context()
      let settings = try ClientBook(settling: context, tellSettled(context)).set(
        client, to: to, cc: cc, language: lang, terms: try change)
      try write(Terminal(context).settings(settings))
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
