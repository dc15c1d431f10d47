import GRDB
import TsheetCore

/// The import keys: a fingerprint of each imported row's content and of how many identical rows came before it
/// in the same import, so that importing a file twice adds nothing.
enum ImportKey {
    /// FNV-1a over the row's content; the client without regard to case. The person is mixed in unless it is
    /// `unmixed`, the person of a log's entries from before entries named one, whose keys were stored without.
    /// Keys are stored: never change the result.
    static func fingerprint(_ entry: NewEntry, day: String, unmixed: String?) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3
        }
        let client = entry.client.utf8
        if client.allSatisfy({ $0 < 0x80 }) { // lower case without a new string: ASCII letters only
            mix(client.lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
        } else {
            mix(entry.client.lowercased().utf8)
        }
        mix(entry.title.utf8)
        mix(entry.description.utf8)
        mix(day.utf8)
        mix(String(entry.minutes.value).utf8)
        if entry.person != unmixed { mix(entry.person.utf8) }
        return hash
    }

    /// The key of the `occurrence`th row (from 0) with the fingerprint `content`.
    static func key(_ content: UInt64, _ occurrence: UInt64) -> Int64 {
        Int64(bitPattern: (content ^ occurrence) &* 0x0000_0100_0000_01B3)
    }
}

extension ImportBatch {
    /// Takes the first key of `content` this import does not hold yet. False when an earlier import held it: the
    /// row repeats one of its rows, and the key now belongs to this import.
    func takeKey(of content: UInt64) throws -> Bool {
        var occurrence: UInt64 = 0
        while true {
            let key = ImportKey.key(content, occurrence)
            guard let owner = try Int64.fetchOne(statements.findKey, arguments: [key]) else {
                try statements.insertKey.execute(arguments: [key, batch])
                return true
            }
            if owner != batch {
                try statements.claimKey.execute(arguments: [batch, key])
                return false
            }
            occurrence += 1 // an identical row earlier in this import: look at the next occurrence
        }
    }

    /// The keys of every row, as `takeKey` would have taken them one by one: identical contents are numbered
    /// 0, 1, 2… Written in key order, 200 to a statement.
    mutating func writeKeys() throws {
        contents.sort()
        var keys: [Int64] = []
        keys.reserveCapacity(contents.count)
        var occurrence: UInt64 = 0
        for (index, content) in contents.enumerated() {
            occurrence = index > 0 && contents[index - 1] == content ? occurrence + 1 : 0
            keys.append(ImportKey.key(content, occurrence))
        }
        contents = []
        keys.sort()
        // Two different rows can mix to one key (a 64-bit coincidence); the second is then simply not stored.
        func insert(count: Int) throws -> Statement {
            try db.makeStatement(sql: "INSERT OR IGNORE INTO import_key (key, batch) VALUES "
                + Array(repeating: "(?, \(batch))", count: count).joined(separator: ", "))
        }
        let full = try insert(count: 200)
        for start in stride(from: 0, to: keys.count, by: 200) {
            let chunk = keys[start..<min(start + 200, keys.count)]
            try (chunk.count == 200 ? full : insert(count: chunk.count)).insert(keys: chunk)
        }
    }
}
