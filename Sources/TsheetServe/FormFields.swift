/// The fields of a form as a browser sends it (`application/x-www-form-urlencoded`), in order; a name may come
/// several times (the checked boxes of a list). A `%` without two hexadecimal digits after it stands for itself,
/// and bytes that are not UTF-8 read as U+FFFD.
package struct FormFields {
  package let pairs: [(name: String, value: String)]

  package init(_ body: String) {
    pairs = body.split(separator: "&").map { pair in
      let (name, value) = (pair.prefix { $0 != "=" }, pair.drop { $0 != "=" }.dropFirst())
      return (Self.decoded(name), Self.decoded(value))
    }
  }

  /// The value of the first field called `name`.
  subscript(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

  /// The values of every field called `name`, in order.
  func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

  private static func decoded(_ text: Substring) -> String {
    let utf8 = Array(text.utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count)
    var index = 0
    while index < utf8.count {
      if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
        let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
      {
        bytes.append(high << 4 | low)
        index += 3
      } else {
        bytes.append(utf8[index] == UInt8(ascii: "+") ? UInt8(ascii: " ") : utf8[index])
        index += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
