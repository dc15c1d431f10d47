import TsheetCore

/// One activity read from a file, before the client map, the checks and the store.
package struct ImportRow: Sendable, Equatable {
  /// Where it was read.
  package var place: ImportPlace
  /// Kept when importing tsheet's own export, so that a round trip is exact.
  package var id: Int64?
  package var client: String
  package var title: String
  package var description: String
  package var day: CalendarDay
  package var minutes: Int
  /// Who did the work, when the file says (tsheet's `person`, Toggl's and Clockify's `User`, Harvest's First
  /// and Last Name): the importer decides whether the log takes it (`ImportPeople`).
  package var person: String?
  /// The span a tracker timed, on the first of the rows it was cut into (none on the others).
  package var span: TrackedSpan?

  package init(
    line: Int, id: Int64? = nil, client: String, title: String, description: String = "",
    day: CalendarDay, minutes: Int, person: String? = nil
  ) {
    place = ImportPlace(.line, line)
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
  /// Where in the file: a line, an element of a JSON array, or a Timewarrior interval.
  package var place: ImportPlace
  package var field: String?
  package var problem: String

  package init(place: ImportPlace, field: String? = nil, _ problem: String) {
    self.place = place
    self.field = field
    self.problem = problem
  }

  package init(line: Int, field: String? = nil, _ problem: String) {
    self.init(place: ImportPlace(.line, line), field: field, problem)
  }

  /// The error of a field of `row`, placed where the row was read.
  package init(row: ImportRow, field: String, _ problem: String) {
    self.init(place: row.place, field: field, problem)
  }

  package init(element: Int, field: String? = nil, _ problem: String) {
    self.init(place: ImportPlace(.element, element), field: field, problem)
  }

  /// `line 18, field 'Duration': '1:7x' is not a duration`, without a closing period.
  package var description: String {
    "\(place)" + (field.map { ", field '\($0)'" } ?? "") + ": "
      + (problem.hasSuffix(".") ? String(problem.dropLast()) : problem)
  }
}

/// Where a row was read, as errors and warnings name it: `line 18`, `element 3`, or a Timewarrior interval as
/// `timew` numbers it (`interval @5`, @1 the latest), with the local time its span starts when it is one.
package struct ImportPlace: Sendable, Equatable, CustomStringConvertible {
  package enum Kind: Sendable { case line, element, interval }
  package var kind: Kind
  /// 1-based; for an interval, its `@` number.
  package var number: Int
  /// `2026-11-16 09:00:00`, for a tracker's span.
  package var start: String?

  package init(_ kind: Kind, _ number: Int, start: String? = nil) {
    self.kind = kind
    self.number = number
    self.start = start
  }

  package var description: String {
    let name =
      switch kind {
      case .line: "line \(number)"
      case .element: "element \(number)"
      case .interval: "interval @\(number)"
      }
    return name + (start.map { " (\($0))" } ?? "")
  }
}

/// A span a tracker timed (a Timewarrior interval, a Watson frame, a Toggl or Clockify entry) and the pieces, a
/// row per day, that it was cut into at midnight.
package struct TrackedSpan: Sendable, Equatable {
  /// Its whole length.
  package var minutes: Int
  /// The minutes imported on each day, in order.
  package var pieces: [Piece]

  package struct Piece: Sendable, Equatable {
    package var day: CalendarDay
    package var minutes: Int
  }

  init(minutes: Int, pieces: [(day: CalendarDay, minutes: Int)]) {
    self.minutes = minutes
    self.pieces = pieces.map { Piece(day: $0.day, minutes: $0.minutes) }
  }
}
