import Foundation

extension SavedMessage {
  /// The `Date` header as a date (RFC 5322, with or without the weekday, a trailing comment ignored); nil
  /// when absent or unreadable.
  package var date: Date? {
    guard var text = self["Date"] else { return nil }
    if let comment = text.firstIndex(of: "(") { text = String(text[..<comment]) }
    text = text.trimmingCharacters(in: .whitespaces)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    for format in ["EEE, d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm Z"] {
      formatter.dateFormat = format
      if let date = formatter.date(from: text) { return date }
    }
    return nil
  }

  /// The first `count` words of the text of `message` (a whole RFC 5322 message): its text/plain part (the
  /// first one of a multipart message), decoded from quoted-printable or base64, quoted lines (`>`) left out.
  package static func firstWords(of message: String, count: Int = 12) -> String {
    var (headers, body) = split(message)
    // Down through multipart containers to the first text/plain part, a few levels at most.
    for _ in 0..<4 {
      let type = header("Content-Type", in: headers) ?? "text/plain"
      guard type.lowercased().hasPrefix("multipart/"), let boundary = parameter("boundary", of: type) else { break }
      let parts = body.components(separatedBy: "--" + boundary).dropFirst()
      let chosen = parts.map(split).first { part in
        let type = header("Content-Type", in: part.headers)?.lowercased() ?? "text/plain"
        return type.hasPrefix("text/plain") || type.hasPrefix("multipart/")
      }
      guard let chosen else { return "" }
      (headers, body) = chosen
    }
    let encoding = header("Content-Transfer-Encoding", in: headers)?.lowercased() ?? ""
    let text: String
    switch encoding {
    case "quoted-printable": text = String(decoding: QuotedPrintable.decode(body), as: UTF8.self)
    case "base64":
      text = Data(base64Encoded: body.filter { !$0.isWhitespace }).map { String(decoding: $0, as: UTF8.self) } ?? ""
    default: text = body
    }
    let lines = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix(">") }
    let words = lines.lazy.flatMap { $0.split(whereSeparator: \.isWhitespace) }.prefix(count + 1)
    return words.prefix(count).joined(separator: " ") + (words.count > count ? " …" : "")
  }

  /// The header section and the body of `message`, split at the first empty line.
  private static func split(_ message: String) -> (headers: String, body: String) {
    let text = message.replacing("\r\n", with: "\n")
    let trimmed = text.drop { $0 == "\n" }
    guard let end = trimmed.range(of: "\n\n") else { return (String(trimmed), "") }
    return (String(trimmed[..<end.lowerBound]), String(trimmed[end.upperBound...]))
  }

  private static func header(_ name: String, in headers: String) -> String? {
    (try? SavedMessage(parsing: headers + "\n"))?[name]
  }

  /// The value of `name=` in a header such as `multipart/mixed; boundary="x"`, in its original case.
  private static func parameter(_ name: String, of header: String) -> String? {
    guard let range = header.range(of: name + "=", options: .caseInsensitive) else { return nil }
    var value = header[range.upperBound...].prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
    if value.hasPrefix("\""), let close = value.dropFirst().firstIndex(of: "\"") {
      value = String(value[value.index(after: value.startIndex)..<close])
    }
    return value.isEmpty ? nil : value
  }
}
