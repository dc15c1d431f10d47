import HTTPTypes
import Hummingbird
import NIOCore
import TsheetCore

extension String {
  /// The text as a page shows it literally: `&`, `<`, `>`, `"` and `'` escaped, so a client called
  /// `<script>` is a name, in an element's text and in an attribute's value alike; a control character (a NUL
  /// searched for), a line or paragraph separator or a bidirectional override is shown as U+FFFD.
  var htmlEscaped: String {
    var escaped = ""
    escaped.reserveCapacity(utf8.count)
    for character in unicodeScalars {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      case "\t", "\n", "\r": escaped.unicodeScalars.append(character)
      case "\u{2028}", "\u{2029}",
        _ where character.isReplacedWhenShown:
        escaped += "\u{FFFD}"
      default: escaped.unicodeScalars.append(character)
      }
    }
    return escaped
  }
}

extension String {
  /// The text as a value in an address's query: every byte but the unreserved ones (RFC 3986) percent-encoded.
  package var percentEncoded: String {
    utf8.map { byte in
      let character = Character(Unicode.Scalar(byte))
      return byte < 128 && (character.isLetter || character.isNumber || "-._~".contains(character))
        ? String(character) : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }.joined()
  }
}

/// A whole HTML page: the shell every page shares around its own `body` (already HTML).
struct Page {
  /// The page's title, as text.
  var title: String
  /// The page's content, as HTML.
  var body: String
  var status: HTTPResponse.Status = .ok

  /// The page as a response, never cached: the log changes under it.
  var response: Response {
    let html = """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(title.htmlEscaped) · tsheet</title>
      <link rel="stylesheet" href="/style.css">
      </head>
      <body>
      \(body)
      </body>
      </html>

      """
    return Response(
      status: status,
      headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
  }

  /// A page that says what went wrong in one sentence, as text, and what to do.
  static func problem(_ status: HTTPResponse.Status, _ sentence: String) -> Response {
    Page(
      title: status.reasonPhrase,
      body: "<main><h1>\(status.reasonPhrase.htmlEscaped)</h1><p>\(sentence.htmlEscaped)</p></main>",
      status: status
    ).response
  }
}
