import Foundation
import TsheetCore
import TsheetStore

/// What the shell's completions offer from the log: client names, recent titles, recent entries. They run at
/// every press of TAB: a log that does not exist is never created, a team server that does not answer within
/// `connectDeadline` is given up, and any failure offers nothing.
package struct Completions {
  let store: (any Store)?

  /// The log the command line being completed names (`--db PATH`), else the environment's.
  package init(commandLine words: [String], environment: [String: String]) {
    guard
      let context = try? Context(
        environment: environment, databaseFlag: Self.databaseFlag(in: words),
        configFlag: nil),
      PostgresURL.isURL(context.databasePath) || FileManager.default.fileExists(atPath: context.databasePath)
    else {
      store = nil
      return
    }
    store = try? context.openStore(connectDeadline: Self.connectDeadline)
  }

  /// How long a press of TAB waits for a team's server to answer.
  static let connectDeadline = Duration.milliseconds(500)

  /// Every client's name.
  package func clients() -> [String] {
    (try? store?.read { try $0.clientNames() }).flatMap { $0 }?.sorted { ClientName.key($0) < ClientName.key($1) } ?? []
  }

  /// Everyone who has work in the log, by name (read from the daily totals).
  package func people() -> [String] {
    let cells = try? store?.read {
      try $0.pivotCells(matching: EntryFilter(), rows: .person, bucket: nil, billing: .asLogged)
    }
    return (cells ?? []).compactMap(\.row.person).sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
  }

  /// The titles of the newest entries, newest first, each once.
  package func titles() -> [String] {
    var seen: Set<String> = []
    return recent(Self.recentEntries).map(\.title).filter { seen.insert($0).inserted }
  }

  /// The newest entries, newest first.
  package func entries() -> [Entry] { recent(Self.listedEntries) }

  /// How many entries titles are drawn from, and how many entries are offered by id.
  static let recentEntries = 500, listedEntries = 30

  private func recent(_ count: Int) -> [Entry] {
    (try? store?.read { try $0.entries(matching: EntryFilter(limit: count), billing: .asLogged) }).flatMap { $0 } ?? []
  }

  /// The path after `--db` (or `--db=`) on the command line, without its quotes.
  private static func databaseFlag(in words: [String]) -> String? {
    var flag: String?
    for (index, word) in words.enumerated() {
      if word == "--db", index + 1 < words.count { flag = words[index + 1] }
      if word.hasPrefix("--db=") { flag = String(word.dropFirst(5)) }
    }
    return flag.map(unquoted)
  }

  /// A shell word as typed, without the quotes around it (`'~/my log.sqlite'`).
  private static func unquoted(_ word: String) -> String {
    guard word.count >= 2, let first = word.first, first == "'" || first == "\"", word.last == first else {
      return word
    }
    return String(word.dropFirst().dropLast())
  }
}
