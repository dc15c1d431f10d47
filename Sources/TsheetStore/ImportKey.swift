import TsheetCore

/// The import keys: a fingerprint of each imported row's content and of how many identical rows came before it
/// in the same import, so that importing a file twice adds nothing. The rule both engines keep: the row that is
/// the `n`th (from 0) of its content in an import takes `key(content, n)`; when an earlier import holds that key
/// the row is held (`HeldRows`), else it is added and the key becomes this import's. SQLite finds `n` by probing
/// the keys this import took, PostgreSQL by counting; a first import writes its keys at the end (`keys(ofContents:)`).
enum ImportKey {
  /// FNV-1a over the row's content; the client without regard to case. The person is mixed in unless it is
  /// `unmixed`, the person of a log's entries from before entries named one, whose keys were stored without.
  /// Keys are stored: never change the result.
  static func fingerprint(_ entry: NewEntry, day: String, unmixed: String?) -> UInt64 {
    fingerprint(
      client: entry.client, title: entry.title, description: entry.description, day: day,
      minutes: entry.minutes.value, person: entry.person, unmixed: unmixed)
  }

  /// The fingerprint of an entry given field by field, as a log stores it.
  static func fingerprint(
    client: String, title: String, description: String, day: String, minutes: Int,
    person: String, unmixed: String?
  ) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    func mix(_ bytes: some Sequence<UInt8>) {
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
      hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3
    }
    let utf8 = client.utf8
    if utf8.allSatisfy({ $0 < 0x80 }) {  // lower case without a new string: ASCII letters only
      mix(utf8.lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
    } else {
      mix(client.lowercased().utf8)
    }
    mix(title.utf8)
    mix(description.utf8)
    mix(day.utf8)
    mix(String(minutes).utf8)
    if person != unmixed { mix(person.utf8) }
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

/// The rows of an import whose keys an earlier import held, told apart at the end: a row whose entry the log
/// still holds as it came is already there; the others were removed or changed since. Of `n` identical rows an
/// earlier import brought, the log holds as many as it has entries with their content.
struct HeldRows {
  /// Each held row's content and occurrence (from 0) among the rows of that content: 16 bytes a row, counted
  /// by sorting and merging rather than in dictionaries (a million held rows took 130 MB more that way).
  private var rows: [(content: UInt64, occurrence: UInt64)] = []
  /// The days of the held rows, first to last: the entries to look at.
  private(set) var days: ClosedRange<CalendarDay>?

  /// How many rows are held.
  var count: Int { rows.count }

  mutating func add(content: UInt64, occurrence: UInt64, day: CalendarDay) {
    rows.append((content, occurrence))
    days = days.map { min($0.lowerBound, day)...max($0.upperBound, day) } ?? day...day
  }

  /// How many of the held rows the log no longer holds as they came.
  /// - Parameters:
  ///   - logEntries: the fingerprints of the log's entries on `days`, this import's included.
  ///   - added: the fingerprints of the rows this import added.
  func gone(logEntries: consuming [UInt64], added: consuming [UInt64]) -> Int {
    logEntries.sort()
    added.sort()
    let held = rows.sorted { ($0.content, $0.occurrence) < ($1.content, $1.occurrence) }
    var gone = 0
    var inLog = 0
    var inAdded = 0
    var index = 0
    while index < held.count {
      let content = held[index].content
      var before = 0  // entries of this content the log held before this import
      while inLog < logEntries.count, logEntries[inLog] <= content {
        if logEntries[inLog] == content { before += 1 }
        inLog += 1
      }
      while inAdded < added.count, added[inAdded] <= content {
        if added[inAdded] == content { before -= 1 }
        inAdded += 1
      }
      while index < held.count, held[index].content == content {
        if held[index].occurrence >= UInt64(max(0, before)) { gone += 1 }
        index += 1
      }
    }
    return gone
  }
}
