/// What a pivot's rows are made of.
package enum PivotRows: String, Sendable, CaseIterable {
    case client, title
    case clientTitle = "client,title"

    package var hasClient: Bool { self != .title }
    package var hasTitle: Bool { self != .client }
}

/// One row of a pivot: a client, a title, or both, as `PivotRows` asks.
package struct PivotRowKey: Hashable, Sendable, Comparable {
    package var client: String?
    package var title: String?

    package init(client: String? = nil, title: String? = nil) {
        self.client = client
        self.title = title
    }

    package static func < (lhs: PivotRowKey, rhs: PivotRowKey) -> Bool {
        func key(_ row: PivotRowKey) -> (String, String) {
            ((row.client ?? "").lowercased(), (row.title ?? "").lowercased())
        }
        return key(lhs) < key(rhs)
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
    /// The rows, sorted by client then title, without regard to case.
    package let rows: [PivotRowKey]
    private let table: [PivotRowKey: [String: Minutes]]

    /// Builds the pivot of `cells` with a column per `period` over `range` (or over the cells' own days when
    /// nil); a nil `period` gives totals only.
    package init(cells: [PivotCell], period: Period?, range: DayRange?, weekStart: Weekday = .monday) {
        var table: [PivotRowKey: [String: Minutes]] = [:]
        for cell in cells {
            let column = period?.key(of: cell.day, weekStart: weekStart) ?? ""
            table[cell.row, default: [:]][column, default: .zero] += cell.minutes
        }
        self.table = table
        rows = table.keys.sorted()
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
