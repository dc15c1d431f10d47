import TsheetCore

/// JSON text written by hand, so that objects keep the documented key order and export can stream.
package enum JSONText {
  /// `text` as a JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
  package static func string(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count + 2)
    JSONString.append(text, to: &result)
    return result
  }

  /// An object from key–value pairs whose values are already JSON text, keys in the given order.
  package static func object(_ members: KeyValuePairs<String, String>) -> String {
    "{" + members.map { string($0.key) + ":" + $0.value }.joined(separator: ",") + "}"
  }
}
