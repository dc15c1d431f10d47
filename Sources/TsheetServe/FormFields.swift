import Foundation

/// The fields of a form as a browser sends it (`application/x-www-form-urlencoded`), in order; a name may come
/// several times (the checked boxes of a list). A field that is not valid percent-encoding reads as empty.
struct FormFields {
  let pairs: [(name: String, value: String)]

  init(_ body: String) {
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
    text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
  }
}
