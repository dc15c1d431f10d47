import TsheetCore
import TsheetExport

/// The forms a listing of entries can take.
package enum EntryFormat: String, Sendable, CaseIterable {
    case table, csv, json

    /// `entries` in this form, as the user's settings and terminal ask.
    package func render(_ entries: [Entry], in context: Context) -> String {
        switch self {
        case .table:
            EntryTable(hoursFormat: context.config.hoursFormat, usesColor: context.usesColor).render(entries)
        case .csv:
            entries.reduce(into: EntryCSV.header) { $0.append(EntryCSV.row($1)) }
        case .json:
            EntryJSON.array(entries)
        }
    }
}

extension Context {
    /// One entry on one line, as `log`, `edit` and `rm` confirm it: `#42: Fri 2026-11-20  acme  Title  1:30`.
    package func summary(of entry: Entry) -> String {
        let entry = entry.escapedForTerminal
        return "#\(entry.id): \(entry.day.weekday.shortName) \(entry.day)  \(entry.client)  \(entry.title)  "
            + entry.minutes.formatted(config.hoursFormat)
    }
}
