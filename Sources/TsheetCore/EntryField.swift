/// The checks every way into the log applies to an entry's fields (`log`, `edit`, `import`, `clients`), so that
/// the log holds only text a terminal, an email and a spreadsheet show as it was meant.
package enum EntryField {
  /// A client name: without surrounding spaces, not empty, on one line, without control characters.
  package static func client(_ text: String) throws(EntryError) -> String {
    try name(text, empty: .emptyClient, control: .controlInClient)
  }

  /// Who did the work: as a client name is checked.
  package static func person(_ text: String) throws(EntryError) -> String {
    let person = try name(text, empty: .emptyPerson, control: .controlInPerson)
    if person.lowercased() == "everyone" { throw .everyoneIsNoPerson }
    return person
  }

  /// `text` without surrounding spaces; `empty` when nothing is left, `control` when it holds a control character.
  private static func name(_ text: String, empty: EntryError, control: EntryError) throws(EntryError) -> String {
    let name = text.trimmed
    if name.isEmpty { throw empty }
    if name.containsControlCharacters { throw control }
    return name
  }

  /// A title: without surrounding spaces, line breaks and tabs read as spaces, not empty, and without other
  /// control characters (which could drive a terminal, and of which SQLite reads NUL as the end of the text).
  package static func title(_ text: String) throws(EntryError) -> String {
    let title = try line(text, control: .controlInTitle)
    if title.isEmpty { throw .emptyTitle }
    return title
  }

  /// Why days are off (`tsheet off --reason`): one line, as a title is, and possibly empty.
  package static func reason(_ text: String) throws(EntryError) -> String {
    try line(text, control: .controlInReason)
  }

  /// `text` without surrounding spaces, its line breaks and tabs read as spaces; `control` when another control
  /// character is left.
  private static func line(_ text: String, control: EntryError) throws(EntryError) -> String {
    var line = text.trimmed
    if line.containsControlCharacters {
      line =
        String(
          String.UnicodeScalarView(
            line.unicodeScalars.map { scalar in
              ["\n", "\r", "\t", "\u{2028}", "\u{2029}"].contains(scalar) ? " " : scalar
            })
        ).trimmed
      if line.containsControlCharacters { throw control }
    }
    return line
  }

  /// A description: without surrounding spaces; line breaks and tabs are kept, other control characters refused.
  package static func description(_ text: String) throws(EntryError) -> String {
    let description = text.trimmed
    if description.containsControlCharacters,
      description.unicodeScalars.contains(where: { $0.isEscapedWhenEchoed && !["\n", "\r", "\t"].contains($0) })
    {
      throw .controlInDescription
    }
    return description
  }
}

extension Minutes {
  /// `minutes` as the length of one entry.
  /// - Throws: `DurationError` unless it is between one minute and 24 hours.
  package init(entryLength minutes: Int) throws(DurationError) {
    if minutes < 0 { throw .negative(String(minutes)) }
    if minutes == 0 { throw .zero(String(minutes)) }
    if minutes > Minutes.maximumEntry.value { throw .longerThanADay(String(minutes)) }
    self.init(minutes)
  }
}
