import TsheetCore

/// Entries as CSV rows, the columns every export and `list --format csv` share.
package enum EntryCSV {
  /// The columns, in order.
  package static let columns = ["id", "date", "client", "title", "description", "minutes", "hours", "person"]

  /// The header row: `id,date,client,title,description,minutes,hours,person`.
  package static let header = CSVField.record(columns)

  /// One entry as a CSV row; hours have two decimals and a dot.
  package static func row(_ entry: Entry) -> String {
    var bytes: [UInt8] = []
    append(entry, style: .plain, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `entry` as a CSV row in `style` to `bytes`; the cells a person typed (client, title and
  /// description, and the person) are text cells.
  package static func append(_ entry: Entry, style: CSVStyle, to bytes: inout [UInt8]) {
    let separator = style.separator
    CSVField.append(String(entry.id), style: style, to: &bytes)
    bytes.append(separator)
    CSVField.append(entry.day.description, style: style, to: &bytes)
    for text in [entry.client, entry.title, entry.description] {
      bytes.append(separator)
      style.append(text: text, to: &bytes)
    }
    bytes.append(separator)
    CSVField.append(String(entry.minutes.value), style: style, to: &bytes)
    bytes.append(separator)
    style.append(hours: entry.minutes, to: &bytes)
    bytes.append(separator)
    style.append(text: entry.person, to: &bytes)
    bytes += [13, 10]
  }
}
