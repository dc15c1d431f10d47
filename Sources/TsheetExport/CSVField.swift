/// Writes CSV as RFC 4180 asks: a field is quoted when it holds the separator, a quote, CR or LF, its quotes
/// doubled; records end with CRLF. Fields go straight into a byte buffer: an export writes a million rows.
package enum CSVField {
    /// Appends `field` to `bytes`, quoted when it must be.
    package static func append(_ field: String, separator: UInt8, to bytes: inout [UInt8]) {
        var field = field
        field.withUTF8 { utf8 in
            let quote = UInt8(ascii: "\"")
            guard utf8.contains(where: { $0 == separator || $0 == quote || $0 == 10 || $0 == 13 }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(quote)
            for byte in utf8 {
                if byte == quote { bytes.append(quote) }
                bytes.append(byte)
            }
            bytes.append(quote)
        }
    }

    /// Appends one record: the fields joined by the separator, then CRLF.
    package static func append(record fields: [String], separator: UInt8, to bytes: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(separator) }
            append(field, separator: separator, to: &bytes)
        }
        bytes += [13, 10]
    }

    /// One record as text.
    package static func record(_ fields: [String], separator: Character = ",") -> String {
        var bytes: [UInt8] = []
        append(record: fields, separator: separator.asciiValue ?? UInt8(ascii: ","), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
