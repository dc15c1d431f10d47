import TsheetCore

/// The terminal listing of clients: name, entries, total hours, last activity.
package struct ClientTable: Sendable {
  package var hoursFormat: HoursFormat

  package init(hoursFormat: HoursFormat) { self.hoursFormat = hoursFormat }

  package func render(_ clients: [ClientSummary]) -> String {
    guard !clients.isEmpty else { return "No clients yet; log work with 'tsheet log TITLE 1h -c CLIENT'.\n" }
    let rows =
      [["CLIENT", "ENTRIES", "HOURS", "LAST"]]
      + clients.map { client in
        [
          client.name.escapingControlCharacters, String(client.entryCount), client.minutes.formatted(hoursFormat),
          client.lastDay?.description ?? "-",
        ]
      }
    let widths = (0..<4).map { column in rows.map { $0[column].width }.max()! }
    return rows.map { row in
      let numbers = (1...2).map { String(repeating: " ", count: widths[$0] - row[$0].width) + row[$0] }
      return row[0].padded(to: widths[0]) + "  " + numbers.joined(separator: "  ") + "  " + row[3]
    }.joined(separator: "\n") + "\n"
  }
}
