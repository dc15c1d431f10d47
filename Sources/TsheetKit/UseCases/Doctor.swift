import TsheetCore
import TsheetStore

/// `tsheet doctor`: the log looked over, on either engine, without changing it: what works, and what to fix.
package struct Doctor {
  let context: Context

  package init(_ context: Context) { self.context = context }

  /// One checkup per line of the report, in the order they were made.
  /// - Throws: `StoreError.badURL` for a team URL that cannot be read.
  package func examine() throws -> [Checkup] {
    guard PostgresURL.isURL(context.databasePath) else { return SQLiteStore.checkUp(path: context.databasePath) }
    return PostgresStore.checkUp(url: try context.postgresURL(context.databasePath), environment: context.environment)
  }
}
