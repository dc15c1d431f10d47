import GRDB
import TsheetCore

extension ImportBatch {
  /// Takes the first key of `content` this import does not hold yet: nil when it was free. Else an earlier
  /// import held it, and the row repeats that import's row of this occurrence (from 0): the key now belongs to
  /// this import, and the occurrence is returned.
  func takeKey(of content: UInt64) throws -> UInt64? {
    var occurrence: UInt64 = 0
    while true {
      let key = ImportKey.key(content, occurrence)
      guard let owner = try Int64.fetchOne(statements.findKey, arguments: [key]) else {
        try statements.insertKey.execute(arguments: [key, batch])
        return nil
      }
      if owner != batch {
        try statements.claimKey.execute(arguments: [batch, key])
        return occurrence
      }
      occurrence += 1  // an identical row earlier in this import: look at the next occurrence
    }
  }

  /// The keys of every row, as `takeKey` would have taken them one by one: identical contents are numbered
  /// 0, 1, 2… Written in key order, 200 to a statement.
  mutating func writeKeys() throws {
    let keys = ImportKey.keys(ofContents: contents)
    contents = []
    // Two different rows can mix to one key (a 64-bit coincidence); the second is then simply not stored.
    func insert(count: Int) throws -> Statement {
      try db.makeStatement(
        sql: "INSERT OR IGNORE INTO import_key (key, batch) VALUES "
          + Array(repeating: "(?, \(batch))", count: count).joined(separator: ", "))
    }
    let full = try insert(count: 200)
    for start in stride(from: 0, to: keys.count, by: 200) {
      let chunk = keys[start..<min(start + 200, keys.count)]
      try (chunk.count == 200 ? full : insert(count: chunk.count)).insert(keys: chunk)
    }
  }
}
