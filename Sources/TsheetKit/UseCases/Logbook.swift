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
        let entry = try request.entry(today: context.today, defaultClient: context.config.defaultClient,
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

    /// The entries `request` asks for, newest first, as logged, and the running timer when it is among them.
    package func list(_ request: ListRequest) throws -> (entries: [Entry], running: TimerStatus?) {
        let filter = try request.filter(in: context)
        return try store.read { log in
            (try log.entries(matching: filter, billing: .asLogged),
             try Timekeeper.status(in: log, context: context, shownBy: filter))
        }
    }
}
