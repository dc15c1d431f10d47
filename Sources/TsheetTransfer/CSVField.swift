/// Writes CSV fields and records in a `CSVStyle`: a field is quoted when the style says it must be, its quotes
/// doubled; records end with CRLF. Fields go straight into a byte buffer: an export writes a million rows.
package enum CSVField {
  /// Appends `field` to `bytes`, quoted when it must be.
  package static func append(_ field: String, style: CSVStyle, to bytes: inout [UInt8]) {
    var field = field
    field.withUTF8 { utf8 in
      let quote = UInt8(ascii: "\"")
      guard utf8.contains(where: style.needsQuotes) else {
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

  /// Appends one record of fields written as they are: the fields joined by the separator, then CRLF.
  package static func append(record fields: [String], style: CSVStyle, to bytes: inout [UInt8]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { bytes.append(style.separator) }
      append(field, style: style, to: &bytes)
    }
    bytes += [13, 10]
  }

  /// One record as text.
  package static func record(_ fields: [String], style: CSVStyle = .plain) -> String {
    var bytes: [UInt8] = []
    append(record: fields, style: style, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }
}
