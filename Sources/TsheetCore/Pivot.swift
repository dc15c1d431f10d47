/// One thing a pivot's rows can be grouped by.
package enum PivotDimension: String, Sendable, CaseIterable {
  case client, person, title
}

/// What a pivot's rows are made of: one dimension or several, in the order given (`client,person`), each once.
package struct PivotRows: Hashable, Sendable, RawRepresentable {
  package let dimensions: [PivotDimension]

  package static let client = PivotRows(checked: [.client])
  package static let title = PivotRows(checked: [.title])
  package static let person = PivotRows(checked: [.person])

  private init(checked dimensions: [PivotDimension]) { self.dimensions = dimensions }

  /// Rows by `dimensions`; nil when there is none or one repeats.
  package init?(_ dimensions: [PivotDimension]) {
    guard !dimensions.isEmpty, Set(dimensions).count == dimensions.count else { return nil }
    self.dimensions = dimensions
  }

  /// Reads `client`, `title,client`, `client,person,title`…
  package init?(rawValue: String) {
    var dimensions: [PivotDimension] = []
    for word in rawValue.split(separator: ",", omittingEmptySubsequences: false) {
      guard let dimension = PivotDimension(rawValue: String(word).trimmed) else { return nil }
      dimensions.append(dimension)
    }
    self.init(dimensions)
  }

  package var rawValue: String { dimensions.map(\.rawValue).joined(separator: ",") }

  package func has(_ dimension: PivotDimension) -> Bool { dimensions.contains(dimension) }

  /// The names of `row`, one per dimension, in order.
  package func labels(of row: PivotRowKey) -> [String] { dimensions.map { row[$0] ?? "" } }
}

/// One row of a pivot: a client, a person, a title, or several of them, as `PivotRows` asks.
package struct PivotRowKey: Hashable, Sendable {
  package var client: String?
  package var person: String?
  package var title: String?

  package init(client: String? = nil, person: String? = nil, title: String? = nil) {
    self.client = client
    self.person = person
    self.title = title
  }

  package subscript(dimension: PivotDimension) -> String? {
    switch dimension {
    case .client: client
    case .person: person
    case .title: title
    }
  }
}

/// Minutes summed by the store for one row and one bucket of days starting on `day`.
package struct PivotCell: Hashable, Sendable {
  package var row: PivotRowKey
  package var day: CalendarDay
  package var minutes: Minutes

  package init(row: PivotRowKey, day: CalendarDay, minutes: Minutes) {
    self.row = row
    self.day = day
    self.minutes = minutes
  }
}

/// Hours as a spreadsheet pivot table shows them: rows by client or title, columns by period, with row totals,
/// column totals and a grand total.
package struct Pivot: Sendable, Equatable {
  /// The column keys in order (`2026-11-20`, `2026-W47`, `2026-11`, `2026`); empty when there are no columns.
  package let columns: [String]
  /// The rows, sorted by their names in the order of the dimensions, without regard to case.
  package let rows: [PivotRowKey]
  private let table: [PivotRowKey: [String: Minutes]]

  /// Builds the pivot of `cells` with a column per `period` over `range` (or over the cells' own days when
  /// nil); a nil `period` gives totals only.
  package init(
    cells: [PivotCell], period: Period?, range: DayRange?, weekStart: Weekday = .monday,
    rows kind: PivotRows = .client
  ) {
    var table: [PivotRowKey: [String: Minutes]] = [:]
    for cell in cells {
      let column = period?.key(of: cell.day, weekStart: weekStart) ?? ""
      table[cell.row, default: [:]][column, default: .zero] += cell.minutes
    }
    self.table = table
    // By the asked dimensions in their order, then by the others: the same rows always in the same order.
    let order = kind.dimensions + PivotDimension.allCases.filter { !kind.has($0) }
    rows = table.keys.map { row in (row, order.map { (row[$0] ?? "").lowercased() }) }
      .sorted { $0.1.lexicographicallyPrecedes($1.1) }.map(\.0)
    if let period, let span = range ?? Pivot.span(of: cells) {
      columns = period.keys(covering: span, weekStart: weekStart)
    } else {
      columns = []
    }
  }

  /// The minutes of `row` in `column`.
  package func minutes(row: PivotRowKey, column: String) -> Minutes { table[row]?[column] ?? .zero }

  /// The minutes of `row` over every column.
  package func total(ofRow row: PivotRowKey) -> Minutes { (table[row]?.values).map { $0.sum() } ?? .zero }

  /// The minutes of every row in `column`.
  package func total(ofColumn column: String) -> Minutes { rows.map { minutes(row: $0, column: column) }.sum() }

  /// The minutes of the whole pivot.
  package var total: Minutes { rows.map(total(ofRow:)).sum() }

  private static func span(of cells: [PivotCell]) -> DayRange? {
    guard let first = cells.map(\.day).min(), let last = cells.map(\.day).max() else { return nil }
    return DayRange(first: first, last: last)
  }
}
