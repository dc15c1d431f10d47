/// The quoted-printable transfer encoding of RFC 2045: text that stays readable, in lines of at most 76.
package enum QuotedPrintable {
  /// Encodes UTF-8 `text` with CRLF line breaks: `=`, bytes outside printable ASCII and white space before a
  /// line break become `=XX`; longer lines end in a soft break `=`.
  package static func encode(_ text: String) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var output: [UInt8] = []
    var lineLength = 0
    let lines = text.replacing("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      if index > 0 {
        output += [13, 10]
        lineLength = 0
      }
      let scalars = Array(line.unicodeScalars)
      for (position, scalar) in scalars.enumerated() {
        let isLast = position == scalars.count - 1
        // A character's bytes stay on one line, so that no line ends inside a UTF-8 sequence.
        var piece: [UInt8] = []
        for byte in String(scalar).utf8 {
          let plain = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)
          piece += plain ? [byte] : [61, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
        }
        if lineLength + piece.count > (isLast ? 76 : 75) {
          output += [61, 13, 10]
          lineLength = 0
        }
        output += piece
        lineLength += piece.count
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Decodes `=XX` escapes and soft line breaks; malformed escapes are kept as written.
  package static func decode(_ text: some StringProtocol) -> [UInt8] {
    let bytes = Array(text.utf8)
    var output: [UInt8] = []
    var index = 0
    func value(_ byte: UInt8) -> UInt8? {
      switch byte {
      case 48...57: byte - 48
      case 65...70: byte - 55
      case 97...102: byte - 87
      default: nil
      }
    }
    while index < bytes.count {
      if bytes[index] == 61, index + 2 < bytes.count, let high = value(bytes[index + 1]),
        let low = value(bytes[index + 2])
      {
        output.append(high << 4 | low)
        index += 3
      } else if bytes[index] == 61, index + 1 < bytes.count, bytes[index + 1] == 10 || bytes[index + 1] == 13 {
        index += bytes[index + 1] == 13 && index + 2 < bytes.count && bytes[index + 2] == 10 ? 3 : 2
      } else {
        output.append(bytes[index])
        index += 1
      }
    }
    return output
  }
}
