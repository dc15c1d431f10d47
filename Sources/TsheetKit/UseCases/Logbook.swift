import TsheetCore
import TsheetStore

/// The log's entries: logging one, changing one, removing some, listing them. Each is one transaction.
package struct Logbook: UseCase {
  let context: Context
  let store: any Store

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
  }

  /// Logs what `request` describes. When the method returns, the entry is in the log.
  /// - Returns: the entry as stored.
  package func log(_ request: LogRequest) throws -> Entry {
    let entry = try request.entry(
      today: context.today, defaultClient: context.config.defaultClient,
      person: context.person)
    return try store.write { try $0.add(entry) }
  }

  /// Applies what `request` changes to the entry `id`.
  /// - Returns: the entry as stored after the change.
  package func edit(_ id: Int64, _ request: EditRequest) throws -> Entry {
    let changes = try request.changes(today: context.today)
    return try store.write { try $0.update(id: id, with: changes) }
  }

  /// Removes the entries `ids`, all or none.
  /// - Returns: the removed entries.
  package func remove(_ ids: [Int64]) throws -> [Entry] {
    try store.write { try $0.remove(ids: ids) }
  }

  /// Calls `body`, in one read transaction, with the listing `request` asks for: the entries newest first,
  /// as logged, read a page at a time however often it walks them, and the running timer when it is among
  /// them.
  package func listing<T>(_ request: ListRequest, _ body: (EntryListing) throws -> T) throws -> T {
    let filter = try request.filter(in: context)
    return try store.read { log in
      try body(
        EntryListing(
          log: log, filter: filter,
          running: try Timekeeper.status(in: log, context: context, shownBy: filter)))
    }
  }
}

/// The entries a `tsheet list` shows, read from the log a page at a time: a million of them hold a page's worth
/// of memory.
package struct EntryListing {
  let log: any LogReader
  let filter: EntryFilter
  /// The running timer, when the listing shows it.
  package let running: TimerStatus?

  /// How many entries one read brings.
  static let page = 5_000

  /// Calls `body` with each entry, newest day first, and newest logged first within a day.
  package func forEach(_ body: (Entry) throws -> Void) throws {
    var page = filter
    var left = filter.limit ?? .max
    while left > 0 {
      page.limit = min(left, Self.page)
      let entries = try log.entries(matching: page, billing: .asLogged)
      for entry in entries { try body(entry) }
      guard entries.count == page.limit, let last = entries.last else { return }
      left -= entries.count
      page.after = ListPosition(of: last)
    }
  }
}
