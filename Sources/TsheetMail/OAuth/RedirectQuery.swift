/// The query of the request the browser makes to the loopback redirect: `/?code=…&state=…`, or `error=…`.
package struct RedirectQuery: Sendable, Equatable {
  package let fields: [String: String]

  /// Reads the query of `target` (a request's path and query). A field named twice keeps its first value;
  /// bad percent escapes are kept as they are; `+` is a space, as forms write it.
  package init(target: String) {
    var fields: [String: String] = [:]
    let query = target.split(separator: "?", maxSplits: 1).dropFirst().first ?? ""
    for pair in query.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = Self.decoded(parts[0])
      let value = parts.count > 1 ? Self.decoded(parts[1]) : ""
      if fields[name] == nil { fields[name] = value }
    }
    self.fields = fields
  }

  /// Whether this answers the sign-in whose state is `state`: a browser may also ask for /favicon.ico, and
  /// another page may send a request of its own, which must not end the sign-in.
  package func isAnswer(to state: String) -> Bool { fields["state"] == state }

  /// The authorization code, once the state is checked against `state`.
  /// - Throws: `.wrongState` for another state (or none), `.denied` when the provider sent an error.
  package func code(expecting state: String) throws(OAuthError) -> String {
    guard fields["state"] == state else { throw .wrongState }
    if let error = fields["error"] { throw .denied(error: error, description: fields["error_description"]) }
    guard let code = fields["code"], !code.isEmpty else { throw .denied(error: "no code", description: nil) }
    return code
  }

  /// Percent-decoding of one field, as UTF-8 (invalid sequences become U+FFFD).
  static func decoded(_ text: Substring) -> String {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "%"), utf8.count >= 2,
        let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
