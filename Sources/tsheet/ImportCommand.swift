import ArgumentParser
import TsheetCore
import TsheetKit

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Import entries from tsheet's export, a spreadsheet, Toggl, Clockify, Harvest, Watson or Timewarrior.",
    discussion: """
      All or nothing: the first row that cannot be read stops the import, names the file, line and field, \
      and leaves the log as it was. Importing the same file twice adds nothing; two identical rows in one \
      file are two entries. FILE may be - for standard input.

      Formats (detected from the header or shape): tsheet's CSV, JSON and NDJSON; a CSV typed in a \
      spreadsheet with date, client, title and minutes (or hours), optionally description, in any order; \
      Toggl Track's detailed report CSV; Clockify's detailed report CSV (dates MM/DD/YYYY or ISO); Harvest's \
      time report CSV; Watson's frames JSON; timew export JSON. Timewarrior's client is the tag written \
      client:NAME, else the one tag that names a client the log (or --client-map, or an earlier interval) \
      knows, else the only tag; the other tags are the title and the annotation the description. Spans that \
      cross midnight become an entry per day; one longer than max_timer_hours (config, default 12) is \
      imported with a warning on stderr. --client puts every row on one client.

      People: in a log with one person's work (a personal log), a tracker's user column (Toggl's and \
      Clockify's User, Harvest's First and Last Name) is not read, and every row is yours; \
      --people-from-file reads it all the same, and a team's log reads it always. --as NAME makes every row \
      NAME's, whatever the file says. --person-map "Ana Ruiz=ana" renames a person on the way in.

      Text is read as UTF-8; a file with bytes that are not UTF-8 is refused with the line and byte offset, \
      unless --encoding says how it is encoded (windows-1252 for a CSV that Excel on Windows saved). FILE may \
      be any path that reads, a pipe too: /dev/stdin, <(command), a FIFO.

      Examples:
        tsheet import hours.csv
        tsheet import toggl.csv --client-map "ACME Corp=acme" --dry-run
        timew export | tsheet import - --format timewarrior
        timew export | tsheet import - --client acme
        tsheet import excel.csv --encoding windows-1252
        tsheet import team-toggl.csv --people-from-file --person-map "Ana Ruiz=ana"
      """)

  @Argument(help: "The file, or - for standard input.")
  var file: String

  @Option(help: "auto (default), tsheet, toggl, clockify, harvest, watson or timewarrior.")
  var format: ImportFormat = .auto

  @Option(help: "How the file's text is encoded: utf-8 (default), windows-1252 (Excel on Windows) or latin1.")
  var encoding: TextEncoding = .utf8

  @Option(
    name: .customLong("client-map"),
    help: ArgumentHelp(
      "Rename a client on the way in: FROM=TO (repeatable).",
      valueName: "from=to"))
  var clientMap: [String] = []

  @Option(name: .shortAndLong, help: "Put every row on this client, whatever the file says.")
  var client: String?

  @Flag(help: "Take who did each row's work from the file's user column, even in a personal log.")
  var peopleFromFile = false

  @Option(
    name: .customLong("person-map"),
    help: ArgumentHelp("Rename a person on the way in: FROM=TO (repeatable).", valueName: "from=to"))
  var personMap: [String] = []

  @Flag(name: .customLong("dry-run"), help: "Check the file and say what would be added; change nothing.")
  var dryRun = false

  @Flag(help: "No progress on the terminal.")
  var quiet = false

  @OptionGroup var acting: ActingOptions
  @OptionGroup var global: GlobalOptions

  func validate() throws {
    for pair in clientMap where pair.split(separator: "=").count != 2 {
      throw ValidationError("--client-map takes FROM=TO, e.g. \"ACME Corp=acme\"; got '\(pair.echoed())'.")
    }
    do { _ = try PersonMap(parsing: personMap) } catch { throw ValidationError(error.description) }
    if acting.person != nil, peopleFromFile {
      throw ValidationError("--as makes every row one person's, --people-from-file takes them from the file; give one.")
    }
  }

  /// Whose work the rows are, as the flags say.
  var people: ImportPeople { acting.person != nil ? .theRunsPerson : peopleFromFile ? .fromFile : .asTheLogHolds }

  func run() throws {
    let context = try global.context().acting(as: acting.person)
    let map = Dictionary(
      clientMap.map { pair in
        let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
        return (parts[0], parts[1])
      }, uniquingKeysWith: { $1 })
    let progress = Progress(verb: "Read", quiet: quiet)
    let outcome = try Importer(context).importFile(
      ImportRequest(
        path: file, format: format, encoding: encoding, clientMap: map, client: client, people: people,
        personMap: try PersonMap(parsing: personMap), dryRun: dryRun),
      progress: progress.report)
    progress.finish()
    let terminal = Terminal(context)
    for warning in terminal.warnings(outcome) { writeError(warning) }
    try write(terminal.imported(outcome.summary, from: outcome.format, dryRun: dryRun))
  }
}
