/// The plain-text part's lines broken at 76 characters, as mail programs expect (NeoMutt marks longer lines
/// with `+` where the terminal cuts them). A line breaks at its last space that fits; what follows is indented
/// as the line was, and past a list's `- ` so that an entry's title reads as one block. A word longer than the
/// width (a link) stays whole on a line of its own.
enum TextWrap {
  static let width = 76

  static func wrapped(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(wrapped(line:)).joined(separator: "\n")
  }

  private static func wrapped(line: Substring) -> String {
    guard line.count > width else { return String(line) }
    let indent = line.prefix(while: { $0 == " " })
    let hanging = String(indent) + (line.dropFirst(indent.count).hasPrefix("- ") ? "  " : "")
    var lines: [String] = []
    var current = String(indent)
    var currentIsIndentOnly = true
    for word in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: true) {
      if !currentIsIndentOnly, current.count + 1 + word.count > width {
        lines.append(current)
        current = hanging
        currentIsIndentOnly = true
      }
      current += (currentIsIndentOnly ? "" : " ") + word
      currentIsIndentOnly = false
    }
    lines.append(current)
    return lines.joined(separator: "\n")
  }
}
