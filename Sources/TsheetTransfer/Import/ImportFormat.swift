import TsheetCore

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
      names.contains("minutes") || names.contains("hours")
    {
      return .tsheet
    }
    return nil
  }
}
