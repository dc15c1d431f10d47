/// Writes one CSV field as RFC 4180 asks: quoted when it holds a comma, a quote, CR or LF, quotes doubled.
package enum CSVField {
    package static func quoted(_ field: String, separator: Character = ",") -> String {
        let separator = separator.asciiValue ?? UInt8(ascii: ",")
        let quote = UInt8(ascii: "\"")
        func special(_ byte: UInt8) -> Bool { byte == separator || byte == quote || byte == 10 || byte == 13 }
        let needsQuotes = field.utf8.withContiguousStorageIfAvailable { $0.contains(where: special) }
            ?? field.utf8.contains(where: special)
        guard needsQuotes else { return field }
        var bytes: [UInt8] = [quote]
        bytes.reserveCapacity(field.utf8.count + 8)
        for byte in field.utf8 {
            if byte == quote { bytes.append(quote) }
            bytes.append(byte)
        }
        bytes.append(quote)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One record: the fields joined by the separator, ended by CRLF as RFC 4180 writes lines.
    package static func record(_ fields: [String], separator: Character = ",") -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(separator) }
            line.append(quoted(field, separator: separator))
        }
        line.append("\r\n")
        return line
    }
}
