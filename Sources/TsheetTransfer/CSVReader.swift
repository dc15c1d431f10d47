import Foundation

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
    private var buffer: [UInt8]
    private var position = 0
    private var exhausted = false
    private var line = 1
    private var atStart = true
    package var separator: UInt8

    /// Reads from `handle` in chunks of 1 MiB.
    package init(handle: FileHandle, separator: UInt8 = UInt8(ascii: ",")) {
        self.handle = handle
        self.separator = separator
        buffer = []
    }

    /// Reads from `text`, for tests and small inputs.
    package init(text: String, separator: UInt8 = UInt8(ascii: ",")) {
        self.init(data: Data(text.utf8), separator: separator)
    }

    /// Reads from `data`, already in memory.
    package init(data: Data, separator: UInt8 = UInt8(ascii: ",")) {
        handle = nil
        self.separator = separator
        buffer = Array(data)
    }

    /// The next record, or nil at the end. Blank lines are skipped.
    /// - Throws: `CSVError` naming the line of a quote that never closes or text after a closing quote.
    package mutating func next() throws(CSVError) -> Record? {
        if atStart { try skipByteOrderMark() }
        while true {
            guard try ensure(1) else { return nil }
            if buffer[position] == 10 || buffer[position] == 13 { consumeLineEnd(); continue }
            return try record()
        }
    }

    /// Guesses the separator from a header line: the most frequent of `,`, `;` and tab outside quotes.
    package mutating func detectSeparator() throws(CSVError) {
        if atStart { try skipByteOrderMark() }
        var offset = 0, counts: [UInt8: Int] = [:], quoted = false
        while try ensure(offset + 1) {
            let byte = buffer[position + offset]
            if byte == 34 { quoted.toggle() }
            if !quoted && (byte == 10 || byte == 13) { break }
            if !quoted && (byte == 44 || byte == 59 || byte == 9) { counts[byte, default: 0] += 1 }
            offset += 1
        }
        separator = counts.max { $0.value < $1.value }?.key ?? 44
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
                let offset = end - position
                guard try ensure(offset + 1) else {
                    let text = String(decoding: buffer[position..<end], as: UTF8.self)
                    position = end
                    return (text, true)
                }
                end = position + offset
            }
            let byte = buffer[end]
            if byte == separator || byte == 10 || byte == 13 {
                let text = String(decoding: buffer[position..<end], as: UTF8.self)
                position = end
                if byte == separator { position += 1; return (text, false) }
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
        var bytes: [UInt8] = []
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
                guard try ensure(1) else { return (String(decoding: bytes, as: UTF8.self), true) }
                let next = buffer[position]
                if next == separator { position += 1; return (String(decoding: bytes, as: UTF8.self), false) }
                if next == 10 || next == 13 { consumeLineEnd(); return (String(decoding: bytes, as: UTF8.self), true) }
                throw .textAfterQuote(line: line)
            }
            if byte == 10 { line += 1 }
            bytes.append(byte)
        }
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
        }
    }

    /// Makes sure `count` bytes are buffered past `position`; false when the input ends first.
    private mutating func ensure(_ count: Int) throws(CSVError) -> Bool {
        while buffer.count - position < count {
            if exhausted { return false }
            if position > 1 << 20 {
                buffer.removeFirst(position)
                position = 0
            }
            guard let handle, let data = try? handle.read(upToCount: 1 << 20), !data.isEmpty else {
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

    package var line: Int {
        switch self {
        case .unclosedQuote(let line), .strayQuote(let line), .textAfterQuote(let line): line
        }
    }

    package var description: String {
        switch self {
        case .unclosedQuote: "a quoted field is never closed; close it with \""
        case .strayQuote: "a quote inside a field that does not start with one; double it (\"\") and quote the field"
        case .textAfterQuote: "text after a closing quote; quote the whole field"
        }
    }
}
