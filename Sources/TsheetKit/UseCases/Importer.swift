import Foundation
import Synchronization
import TsheetCore
import TsheetStore
import TsheetTransfer

/// Whose work the rows of an import are.
package enum ImportPeople: Sendable, Equatable {
  /// A tracker's user column (Toggl's and Clockify's `User`, Harvest's First and Last Name) only in a log
  /// that holds more than one person's work: a personal log stays personal. tsheet's own `person` column always.
  case asTheLogHolds
  /// The file's user column whatever the log holds (`--people-from-file`).
  case fromFile
  /// Every row is the run's person's, whatever the file says (`--as NAME`).
  case theRunsPerson
}

/// What `tsheet import` was asked.
package struct ImportRequest: Sendable {
  /// A file, or `-` for standard input.
  package var path: String
  package var format: ImportFormat
  /// How the file's text is encoded.
  package var encoding: TextEncoding
  /// Client names to replace (`A=B`), matched without regard to case.
  package var clientMap: [String: String]
  /// The client of every row, whatever the file says (`--client`).
  package var client: String?
  /// Whose work the rows are.
  package var people: ImportPeople
  /// Names of people to replace, for the names the log takes from the file (`--person-map`).
  package var personMap: PersonMap
  package var dryRun: Bool

  package init(
    path: String, format: ImportFormat = .auto, encoding: TextEncoding = .utf8,
    clientMap: [String: String] = [:], client: String? = nil, people: ImportPeople = .asTheLogHolds,
    personMap: PersonMap = .none, dryRun: Bool = false
  ) {
    self.path = path
    self.format = format
    self.encoding = encoding
    self.clientMap = Dictionary(clientMap.map { (ClientName.key($0.key), $0.value) }, uniquingKeysWith: { $1 })
    self.client = client
    self.people = people
    self.personMap = personMap
    self.dryRun = dryRun
  }
}

/// Why an import was refused; nothing was imported.
package enum ImportFailure: UserError, Equatable {
  case missingFile(path: String)
  case folder(path: String)
  case badRow(file: String, ImportError)

  package var exitStatus: ExitStatus {
    switch self {
    case .missingFile, .folder: .noInput
    case .badRow: .dataError
    }
  }

  package var description: String {
    switch self {
    case .missingFile(let path): "cannot read '\(path)'; check the path."
    case .folder(let path): "'\(path)' is a folder; give the path of a file to import."
    case .badRow(let file, let error): "\(file) \(error); nothing was imported."
    }
  }
}

/// Bringing history in from a file: tsheet's own export, a spreadsheet, or another tracker's.
package struct Importer: UseCase {
  let context: Context
  let store: any Store

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
  }

  /// Imports every row of the file in one transaction: all or nothing. Rows imported before (from this file
  /// or another) are skipped; identical rows within the file are distinct entries.
  /// - Parameter progress: called now and then with the number of rows read.
  /// - Returns: what was added, the format the file turned out to be, and the spans longer than a timer may run.
  package func importFile(_ request: ImportRequest, progress: @escaping @Sendable (Int) -> Void = { _ in }) throws
    -> ImportOutcome
  {
    let name = request.path == "-" ? "standard input" : request.path.namePart
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: request.path, isDirectory: &isFolder), isFolder.boolValue {
      throw ImportFailure.folder(path: request.path)
    }
    let forced = try request.client.map { try EntryField.client($0) }

    let known = try store.read { try $0.clientNames() } + request.clientMap.keys + request.clientMap.values
    let clients = ImportClients(forced: forced, known: Set(known.map(ClientName.key)))
    guard let handle = request.path == "-" ? .standardInput : FileHandle(forReadingAtPath: request.path) else {
      throw ImportFailure.missingFile(path: request.path)
    }
    let limit = context.config.maxTimer
    let longSpans = LongSpans()
    do {
      let source = try importSource(
        reading: handle, path: request.path, requested: request.format,
        encoding: request.encoding, clients: clients)
      let takesPeople = try takesPeople(request, from: source.format)
      let summary = try store.importEntries(dryRun: request.dryRun) { add in
        var source = source
        var clients: [String: String] = [:]  // each name in the file, mapped and checked once
        var rows = 0
        try source.forEachRow { row in
          var row = row
          row.person = takesPeople ? row.person.map(request.personMap.name(for:)) : nil
          try add(
            try Self.checked(
              row, request: request, forced: forced, person: context.person,
              clients: &clients),
            row.id)
          if let span = row.span, span.minutes > limit.value {
            longSpans.list.withLock { $0.append((row.place, span)) }
          }
          rows += 1
          if rows % 100_000 == 0 { progress(rows) }
        }
      }
      return ImportOutcome(
        summary: summary, format: source.format, file: name,
        longSpans: longSpans.list.withLock { $0 }, limit: limit,
        unusedPersonMap: takesPeople || request.personMap.isEmpty ? nil : (request.people, context.person))
    } catch let error as ImportError {
      throw ImportFailure.badRow(file: name, error)
    }
  }

  /// Whether the log takes who did the work from a file of `format` (through the person map), or gives every
  /// row to the run's person: a tracker's user column counts in a log with more than one person's work, or
  /// with `--people-from-file`; tsheet's own `person` column always, unless `--as` says otherwise.
  private func takesPeople(_ request: ImportRequest, from format: ImportFormat) throws -> Bool {
    switch request.people {
    case .theRunsPerson: return false
    case .fromFile: return true
    case .asTheLogHolds where format == .tsheet: return true
    case .asTheLogHolds:
      return try store.read {
        try $0.pivotCells(matching: EntryFilter(), rows: .person, bucket: nil, billing: .asLogged).count > 1
      }
    }
  }

  /// The row as an entry, with the client map (or the forced client) applied and every field checked.
  /// `clients` remembers the client names already checked, by the name the file gives.
  /// Rows that do not say who did the work are `person`'s (the one importing, or `--as`).
  private static func checked(
    _ row: ImportRow, request: ImportRequest, forced: String?, person: String,
    clients: inout [String: String]
  ) throws(ImportError) -> NewEntry {
    func field<T>(_ name: String, _ check: () throws -> T) throws(ImportError) -> T {
      do { return try check() } catch { throw ImportError(row: row, field: name, Self.problem(error)) }
    }
    let client: String
    if let forced {
      client = forced
    } else if let known = clients[row.client] {
      client = known
    } else {
      client = try field("client") {
        try EntryField.client(request.clientMap[ClientName.key(row.client)] ?? row.client)
      }
      clients[row.client] = client
    }
    return NewEntry(
      client: client, title: try field("title") { try EntryField.title(row.title) },
      description: try field("description") { try EntryField.description(row.description) },
      day: row.day, minutes: try field("minutes") { try Minutes(entryLength: row.minutes) },
      person: try row.person.map { name throws(ImportError) in
        try field("person") { try EntryField.person(name) }
      } ?? person)
  }

  /// A field's problem, as an import error words it after the field's name.
  private static func problem(_ error: any Error) -> String {
    switch error as? EntryError {
    case .emptyTitle?, .emptyClient?, .emptyPerson?: "is empty"
    case .controlInClient?, .controlInTitle?, .controlInDescription?, .controlInPerson?:
      "holds a control character; remove it from the file"
    default: "\(error)"
    }
  }
}

/// What an import did.
package struct ImportOutcome: Sendable {
  /// What was added, by client, and what was there already.
  package var summary: ImportSummary
  /// The format the file turned out to be.
  package var format: ImportFormat
  /// The file, as messages name it.
  package var file: String
  /// The spans longer than `limit` (`max_timer_hours`), imported as they were: a forgotten timer, perhaps.
  package var longSpans: [(place: ImportPlace, span: TrackedSpan)]
  package var limit: Minutes
  /// When `--person-map` renamed nobody because the file's people were not read: why, and whose every row is.
  package var unusedPersonMap: (people: ImportPeople, person: String)?
}

/// The long spans an import meets, gathered on the thread that reads the file.
private final class LongSpans: Sendable {
  let list = Mutex<[(place: ImportPlace, span: TrackedSpan)]>([])
}
