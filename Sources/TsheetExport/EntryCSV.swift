import TsheetCore

/// Entries as CSV rows, the columns every export and `list --format csv` share.
package enum EntryCSV {
    /// The header row: `id,date,client,title,description,minutes,hours`.
    package static let header = CSVField.record(["id", "date", "client", "title", "description", "minutes", "hours"])

    /// One entry as a CSV row; hours have two decimals and a dot.
    package static func row(_ entry: Entry) -> String {
        CSVField.record([String(entry.id), entry.day.description, entry.client, entry.title, entry.description,
                         String(entry.minutes.value), entry.minutes.formatted(.decimal)])
    }
}
