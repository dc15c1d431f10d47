/// Text as a JSON string literal (RFC 8259), as export writes it and a copy sends rows to PostgreSQL.
package enum JSONString {
  /// Appends `text` to `json`, quoted, with `"`, `\` and control characters escaped.
  package static func append(_ text: String, to json: inout String) {
    json += "\""
    var plain = true
    for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
      plain = false
      break
    }
    if plain {
      json += text
    } else {
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": json += "\\\""
        case "\\": json += "\\\\"
        case "\n": json += "\\n"
        case "\r": json += "\\r"
        case "\t": json += "\\t"
        case _ where scalar.value < 0x20:
          let hex = String(scalar.value, radix: 16)
          json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: json.unicodeScalars.append(scalar)
        }
      }
    }
    json += "\""
  }
}
