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

    /// The keys of a first import's rows, whose fingerprints are `contents`, in key order: identical contents
    /// are numbered 0, 1, 2… as they would have been one row at a time.
    static func keys(ofContents contents: [UInt64]) -> [Int64] {
        let contents = contents.sorted()
        var keys: [Int64] = []
        keys.reserveCapacity(contents.count)
        var occurrence: UInt64 = 0
        for (index, content) in contents.enumerated() {
            occurrence = index > 0 && contents[index - 1] == content ? occurrence + 1 : 0
            keys.append(key(content, occurrence))
        }
        return keys.sorted()
    }

    /// The key of the `occurrence`th row (from 0) with the fingerprint `content`.
    static func key(_ content: UInt64, _ occurrence: UInt64) -> Int64 {
        Int64(bitPattern: (content ^ occurrence) &* 0x0000_0100_0000_01B3)
    }
}
