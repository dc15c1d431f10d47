import TsheetCore

/// Entries as JSON objects, the contract scripts rely on: `id`, `date` (`YYYY-MM-DD`), `client`, `title`,
/// `description`, `minutes`, `hours` (two decimals), with keys in that order.
package enum EntryJSON {
  /// One entry as a one-line JSON object.
  package static func object(_ entry: Entry) -> String {
    JSONText.object([
      "id": String(entry.id), "date": JSONText.string(entry.day.description),
      "client": JSONText.string(entry.client), "title": JSONText.string(entry.title),
      "description": JSONText.string(entry.description), "minutes": String(entry.minutes.value),
      "hours": entry.minutes.formatted(.decimal), "person": JSONText.string(entry.person),
    ])
  }

  /// The entries as a JSON array, one object a line.
  package static func array(_ entries: [Entry]) -> String {
    entries.isEmpty ? "[]\n" : "[\n" + entries.map { "  " + object($0) }.joined(separator: ",\n") + "\n]\n"
  }
}
