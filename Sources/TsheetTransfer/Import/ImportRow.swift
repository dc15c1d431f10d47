import TsheetCore

/// One activity read from a file, before the client map, the checks and the store.
package struct ImportRow: Sendable, Equatable {
    /// Where it was read: a line of a CSV file, or an element of a JSON array (1-based).
    package var line: Int
    /// Whether `line` counts JSON elements rather than lines.
    package var isElement = false
    /// Kept when importing tsheet's own export, so that a round trip is exact.
    package var id: Int64?
    package var client: String
    package var title: String
    package var description: String
    package var day: CalendarDay
    package var minutes: Int
    /// Who did the work, when the file says (tsheet's `person`, Toggl's and Clockify's `User`).
    package var person: String?

    package init(line: Int, id: Int64? = nil, client: String, title: String, description: String = "",
                 day: CalendarDay, minutes: Int, person: String? = nil) {
        self.line = line
        self.person = person
        self.id = id
        self.client = client
        self.title = title
        self.description = description
        self.day = day
        self.minutes = minutes
    }
}

/// Why a file cannot be imported; it names the line (or JSON element) and the field.
package struct ImportError: Error, Equatable, CustomStringConvertible {
    /// `line 18` or `element 3`.
    package var place: String
    package var field: String?
    package var problem: String

    package init(line: Int, field: String? = nil, _ problem: String) {
        place = "line \(line)"
        self.field = field
        self.problem = problem
    }

    /// The error of a field of `row`, placed where the row was read.
    package init(row: ImportRow, field: String, _ problem: String) {
        place = (row.isElement ? "element " : "line ") + String(row.line)
        self.field = field
        self.problem = problem
    }

    package init(element: Int, field: String? = nil, _ problem: String) {
        place = "element \(element)"
        self.field = field
        self.problem = problem
    }

    /// `line 18, field 'Duration': '1:7x' is not a duration`, without a closing period.
    package var description: String {
        "\(place)" + (field.map { ", field '\($0)'" } ?? "") + ": "
            + (problem.hasSuffix(".") ? String(problem.dropLast()) : problem)
    }
}
