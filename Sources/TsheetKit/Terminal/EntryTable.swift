import TsheetCore

/// The terminal listing of entries: grouped by day, newest first, each day with its total, aligned columns.
/// It is written in two walks over the entries, so that a million of them never sit in memory at once: one
/// gathers the columns' widths (`Layout`), the next writes the lines a day at a time.
package struct EntryTable: Sendable {
  package var hoursFormat: HoursFormat
  package var usesColor: Bool
  /// Titles and descriptions longer than this are cut with an ellipsis.
  package var titleWidth = 48

  package init(hoursFormat: HoursFormat, usesColor: Bool) {
    self.hoursFormat = hoursFormat
    self.usesColor = usesColor
  }

  /// What the columns need, gathered entry by entry.
  package struct Layout: Sendable {
    var count = 0
    var total = Minutes.zero
    var idWidth = 0, clientWidth = 0, personWidth = 0, titleWidth = 0
    var firstPerson: String?
    /// Whether the entries are more than one person's: the table then says whose each is.
    var manyPeople = false

    package init() {}

    package mutating func include(_ entry: Entry) {
      let entry = entry.escapedForTerminal
      count += 1
      total += entry.minutes
      idWidth = max(idWidth, String(entry.id).utf8.count + 1)
      clientWidth = max(clientWidth, entry.client.width)
      personWidth = max(personWidth, entry.person.width)
      titleWidth = max(titleWidth, entry.title.width)
      if firstPerson == nil { firstPerson = entry.person } else if entry.person != firstPerson { manyPeople = true }
    }
  }

  /// The listing of `entries`, which must be sorted newest day first.
  package func render(_ entries: [Entry]) -> String {
    var layout = Layout()
    entries.forEach { layout.include($0) }
    var writer = Writer(table: self, layout: layout)
    var output = ""
    for entry in entries { output += writer.add(entry) ?? "" }
    return output + writer.finish()
  }

  /// Writes the listing of entries that come newest day first (as `layout` gathered them), a day at a time.
  package struct Writer {
    private let lines: Lines
    private let isEmpty: Bool
    private var day: [Entry] = [], output = "", started = false

    package init(table: EntryTable, layout: Layout) {
      lines = Lines(table: table, layout: layout)
      isEmpty = layout.count == 0
    }

    /// Takes the next entry; returns the text written so far once it is worth handing on.
    package mutating func add(_ entry: Entry) -> String? {
      if let first = day.first, first.day != entry.day { writeDay() }
      day.append(entry.escapedForTerminal)
      guard output.utf8.count >= 1 << 16 else { return nil }
      defer { output = "" }
      return output
    }

    /// The rest of the listing, with its total line.
    package mutating func finish() -> String {
      guard !isEmpty else { return "No entries.\n" }
      if !day.isEmpty { writeDay() }
      lines.writeTotal(into: &output)
      defer { output = "" }
      return output
    }

    private mutating func writeDay() {
      if started { output += "\n" }
      lines.write(day: day, into: &output)
      started = true
      day.removeAll(keepingCapacity: true)
    }
  }
}

/// The lines of an `EntryTable`, padded to its layout's widths.
private struct Lines {
  let table: EntryTable
  let idWidth, clientWidth, personWidth, titleWidth, hoursWidth, indentWidth, labelWidth: Int
  let total: Minutes, count: Int
  /// Runs of spaces by length: padding costs no string per cell.
  let spaces: [String]

  init(table: EntryTable, layout: EntryTable.Layout) {
    self.table = table
    idWidth = layout.idWidth
    clientWidth = layout.clientWidth
    personWidth = layout.manyPeople ? layout.personWidth + 2 : 0
    titleWidth = min(table.titleWidth, layout.titleWidth)
    hoursWidth = max(layout.total.formatted(table.hoursFormat).count, 5)
    indentWidth = 2 + idWidth + 2 + clientWidth + 2 + personWidth
    labelWidth = indentWidth + titleWidth + 2
    (total, count) = (layout.total, layout.count)
    spaces = (0...labelWidth + hoursWidth).map { String(repeating: " ", count: $0) }
  }

  /// One day's heading with its total, then its entries, each with its description's first line.
  func write(day entries: [Entry], into output: inout String) {
    guard let day = entries.first?.day else { return }
    styled(.bold, into: &output) { line in
      pad("\(day.weekday.shortName) \(day)", to: labelWidth, into: &line)
      hours(entries.map(\.minutes).sum(), into: &line)
    }
    for entry in entries {
      output += "  "
      pad("#" + String(entry.id), to: idWidth + 2, into: &output)
      pad(entry.client, to: clientWidth + 2, into: &output)
      if personWidth > 0 { pad(entry.person, to: personWidth, into: &output) }
      pad(entry.title.cut(to: titleWidth), to: titleWidth + 2, into: &output)
      hours(entry.minutes, into: &output)
      output += "\n"
      if let note = entry.description.firstLine, !note.isEmpty {
        styled(.dim, into: &output) { line in
          line += spaces[indentWidth]
          line += note.cut(to: max(titleWidth, 64))
        }
      }
    }
  }

  /// The closing line: how many entries, and their hours.
  func writeTotal(into output: inout String) {
    output += "\n"
    styled(.bold, into: &output) { line in
      pad(count == 1 ? "Total, 1 entry" : "Total, \(count) entries", to: labelWidth, into: &line)
      hours(total, into: &line)
    }
  }

  private func pad(_ text: String, to width: Int, into output: inout String) {
    output += text
    output += spaces[max(0, width - text.width)]
  }

  private func hours(_ minutes: Minutes, into output: inout String) {
    let text = minutes.formatted(table.hoursFormat)
    output += spaces[max(0, hoursWidth - text.utf8.count)]
    output += text
  }

  private func styled(_ style: TerminalStyle, into output: inout String, _ line: (inout String) -> Void) {
    if table.usesColor { output += style.on }
    line(&output)
    if table.usesColor { output += TerminalStyle.off }
    output += "\n"
  }
}
