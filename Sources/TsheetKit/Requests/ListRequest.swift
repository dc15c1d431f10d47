import TsheetCore

/// What the user asked `tsheet list` for, before the words are resolved into days.
package struct ListRequest: Sendable {
  package var filter: FilterRequest
  /// At most this many entries; 0 lists all, nil the newest `defaultLimit` when no range is given.
  package var limit: Int?

  package init(filter: FilterRequest = FilterRequest(), limit: Int? = nil) {
    self.filter = filter
    self.limit = limit
  }

  /// The newest entries listed when no range and no limit are given.
  static let defaultLimit = 50

  /// The filter this request names, read against `context`.
  func filter(in context: Context) throws -> EntryFilter {
    var filter = try self.filter.filter(in: context)
    switch limit {
    case .some(0): filter.limit = nil
    case .some(let limit): filter.limit = limit
    case .none: filter.limit = filter.from == nil && filter.to == nil ? Self.defaultLimit : nil
    }
    return filter
  }
}
