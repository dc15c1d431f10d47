/// The files `tsheet import` reads.
package enum ImportFormat: String, Sendable, CaseIterable {
    /// Guess from the first bytes and the header.
    case auto
    /// tsheet's own CSV, JSON or NDJSON export, or a CSV typed in a spreadsheet with the columns
    /// `date,client,title,minutes` (optionally `description`, or `hours` instead of `minutes`) in any order.
    case tsheet
    /// Toggl Track's detailed report CSV.
    case toggl
    /// Clockify's detailed report CSV.
    case clockify
    /// Harvest's time report CSV.
    case harvest
    /// Watson's frames JSON (the `frames` file, or `watson log --json`).
    case watson
    /// `timew export` JSON.
    case timewarrior
}

extension ImportFormat {
    /// The CSV format a header row announces, or nil when it is none of them.
    static func csvFormat(header: [String]) -> ImportFormat? {
        let names = Set(header.map { $0.lowercased() })
        if names.isSuperset(of: ["user", "email", "client", "project", "description", "start date", "duration"]) {
            return .toggl
        }
        if names.isSuperset(of: ["project", "client", "description", "start date", "duration (h)"]) { return .clockify }
        if names.isSuperset(of: ["date", "client", "project", "task", "notes", "hours"]) { return .harvest }
        if names.isSuperset(of: ["date", "client", "title"]),
           names.contains("minutes") || names.contains("hours") { return .tsheet }
        return nil
    }
}
