import TsheetCore
import TsheetStore

/// The people whose work the log holds: fixing how one is named.
package struct People: UseCase {
  let context: Context
  let store: any Store

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
  }

  /// Makes `old`'s entries and timer `new`'s (the two become one when `new` has work already), in one
  /// transaction; an import of the same file again as `new`'s then adds nothing.
  /// - Returns: the new name, checked, and the number of entries renamed.
  package func rename(_ old: String, to new: String) throws -> (name: String, entries: Int) {
    let name = try EntryField.person(new)
    return (name, try store.write { try $0.renamePerson(old.trimmed, to: name) })
  }
}
