import Foundation
import TsheetCore

/// Reads RFC 4180 CSV as it streams in: quoted fields with commas, quotes and line breaks, CRLF or LF line ends,
/// a UTF-8 byte order mark, and a separator other than the comma (`;` from a Spanish spreadsheet).
///
/// Hand-written over bytes: the listed CSV libraries read one Unicode scalar at a time through a type-erased
/// iterator, several times slower than the import's 250,000 rows a second allow.
package struct CSVReader: Sendable {
  /// One record and the line of the file where it starts (1-based).
  package struct Record: Sendable {
    package var fields: [String]
    package var line: Int
  }

  /// Where more bytes come from; nil when all of them are in `buffer` from the start.
  private let handle: FileHandle?
  /// How many bytes a read asks for; the bytes before `position` are dropped once more than this many.
  private let chunkSize: Int
  private var buffer: [UInt8]
  private var position = 0
  /// How many bytes were dropped from the front of `buffer`: `dropped + position` is the offset in the input.
  private var dropped = 0
  private var exhausted = false
  private var line = 1
  private var atStart = true
  package var separator: UInt8
  /// How the fields' text is encoded; bytes that are not text in it stop the reading (`CSVError.notText`).
  package var encoding: TextEncoding = .utf8
  /// Whether the input starts with a UTF-8 byte order mark, as a spreadsheet's file (and tsheet's `--excel`) does.
  package private(set) var startsWithByteOrderMark = false

  /// Reads `prefix`, bytes already read from `handle`, then the rest of `handle` in chunks of `chunkSize`
  /// (1 MiB). It never seeks: `handle` may be a pipe.
  package init(
    handle: FileHandle, prefix: Data = Data(), chunkSize: Int = 1 << 20,
    separator: UInt8 = UInt8(ascii: ",")
  ) {
    self.handle = handle
    self.chunkSize = max(1, chunkSize)
    self.separator = separator
    buffer = Array(prefix)
  }

  /// Reads from `text`, for tests and small inputs.
  package init(text: String, separator: UInt8 = UInt8(ascii: ",")) {
    self.init(data: Data(text.utf8), separator: separator)
  }

  /// Reads from `data`, already in memory.
  package init(data: Data, separator: UInt8 = UInt8(ascii: ",")) {
    handle = nil
    chunkSize = 1 << 20
    self.separator = separator
    buffer = Array(data)
  }

  /// The next record, or nil at the end. Blank lines are skipped.
  /// - Throws: `CSVError` naming the line of a quote that never closes, text after a closing quote, or a byte
  ///   that is not text in `encoding`.
  package mutating func next() throws(CSVError) -> Record? {
    if atStart { try skipByteOrderMark() }
    while true {
      guard try ensure(1) else { return nil }
      if buffer[position] == 10 || buffer[position] == 13 {
        consumeLineEnd()
        continue
      }
      return try record()
    }
  }

  /// Guesses the separator from a header line: the most frequent of `,`, `;` and tab outside quotes, in that
  /// order when as frequent.
  package mutating func detectSeparator() throws(CSVError) {
    if atStart { try skipByteOrderMark() }
    var offset = 0
    var counts: [UInt8: Int] = [:]
    var quoted = false
    while try ensure(offset + 1) {
      let byte = buffer[position + offset]
      if byte == 34 { quoted.toggle() }
      if !quoted && (byte == 10 || byte == 13) { break }
      if !quoted && (byte == 44 || byte == 59 || byte == 9) { counts[byte, default: 0] += 1 }
      offset += 1
    }
    // A tie goes to the comma, then the semicolon: a dictionary's order differs from one instance to the next.
    separator = [59, 9].reduce(44) { best, candidate in
      counts[candidate, default: 0] > counts[best, default: 0] ? candidate : best
    }
  }

  private mutating func record() throws(CSVError) -> Record {
    let start = line
    var fields: [String] = []
    while true {
      let (field, ended) = try field()
      fields.append(field)
      if ended { return Record(fields: fields, line: start) }
    }
  }

  /// One field; `ended` tells whether the record ended after it.
  private mutating func field() throws(CSVError) -> (String, ended: Bool) {
    guard try ensure(1) else { return ("", true) }
    if buffer[position] == 34 { return try quotedField() }
    var end = position
    while true {
      if end >= buffer.count {
        // Reading more may drop the bytes before `position`: `end` is taken again from its distance.
        let length = end - position
        let more = try ensure(length + 1)
        end = position + length
        if !more { return (try text(upTo: end), true) }
      }
      let byte = buffer[end]
      if byte == separator || byte == 10 || byte == 13 {
        let text = try text(upTo: end)
        if byte == separator {
          position += 1
          return (text, false)
        }
        consumeLineEnd()
        return (text, true)
      }
      if byte == 34 { throw .strayQuote(line: line) }
      end += 1
    }
  }

  private mutating func quotedField() throws(CSVError) -> (String, ended: Bool) {
    let startLine = line
    position += 1
    let start = dropped + position
    var bytes: [UInt8] = []
    /// The field's text, or the error that names the byte that is not text, found in the input again: a
    /// doubled quote is two bytes there, one here.
    func decoded() throws(CSVError) -> String {
      if let text = encoding.text(bytes[...]) { return text }
      let index = encoding.firstInvalidByte(in: bytes[...]) ?? 0
      let before = bytes[..<index]
      throw .notText(
        line: startLine + before.count { $0 == 10 },
        offset: start + index + before.count { $0 == 34 }, byte: bytes[index], encoding: encoding)
    }
    while true {
      guard try ensure(1) else { throw .unclosedQuote(line: startLine) }
      let byte = buffer[position]
      position += 1
      if byte == 34 {
        if try ensure(1), buffer[position] == 34 {
          bytes.append(34)
          position += 1
          continue
        }
        guard try ensure(1) else { return (try decoded(), true) }
        let next = buffer[position]
        if next == separator {
          position += 1
          return (try decoded(), false)
        }
        if next == 10 || next == 13 {
          consumeLineEnd()
          return (try decoded(), true)
        }
        throw .textAfterQuote(line: line)
      }
      if byte == 10 { line += 1 }
      bytes.append(byte)
    }
  }

  /// The text of the bytes from `position` to `end`, which are then consumed.
  private mutating func text(upTo end: Int) throws(CSVError) -> String {
    let bytes = buffer[position..<end]
    guard let text = encoding.text(bytes) else {
      let index = position + (encoding.firstInvalidByte(in: bytes) ?? 0)
      throw .notText(line: line, offset: dropped + index, byte: buffer[index], encoding: encoding)
    }
    position = end
    return text
  }

  /// Consumes one CRLF, LF or CR.
  private mutating func consumeLineEnd() {
    let byte = buffer[position]
    position += 1
    line += 1
    if byte == 13, (try? ensure(1)) == true, buffer[position] == 10 { position += 1 }
  }

  private mutating func skipByteOrderMark() throws(CSVError) {
    atStart = false
    if try ensure(3), buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
      position += 3
      startsWithByteOrderMark = true
    }
  }

  /// Makes sure `count` bytes are buffered past `position`; false when the input ends first.
  private mutating func ensure(_ count: Int) throws(CSVError) -> Bool {
    while buffer.count - position < count {
      if exhausted { return false }
      if position > chunkSize {
        buffer.removeFirst(position)
        dropped += position
        position = 0
      }
      guard let handle, let data = try? handle.read(upToCount: chunkSize), !data.isEmpty else {
        exhausted = true
        return false
      }
      buffer.append(contentsOf: data)
    }
    return true
  }
}

/// Why a CSV file cannot be read; every case names the line.
package enum CSVError: Error, Equatable, CustomStringConvertible {
  case unclosedQuote(line: Int)
  case strayQuote(line: Int)
  case textAfterQuote(line: Int)
  /// The byte at `offset` (from the input's start) is not text in `encoding`.
  case notText(line: Int, offset: Int, byte: UInt8, encoding: TextEncoding)

  package var line: Int {
    switch self {
    case .unclosedQuote(let line), .strayQuote(let line), .textAfterQuote(let line), .notText(let line, _, _, _): line
    }
  }

  package var description: String {
    switch self {
    case .unclosedQuote: "a quoted field is never closed; close it with \""
    case .strayQuote: "a quote inside a field that does not start with one; double it (\"\") and quote the field"
    case .textAfterQuote: "text after a closing quote; quote the whole field"
    case .notText(_, let offset, let byte, let encoding): encoding.notText(byte: byte, offset: offset)
    }
  }
}
