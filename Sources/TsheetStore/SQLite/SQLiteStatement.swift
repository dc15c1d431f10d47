import GRDB
import TsheetCore

/// SQL for SQLite with its values, bound to `?` placeholders in the order they appear: SQLite's dialect of the
/// queries both engines run. Days are ISO text (`2026-11-23`), so month and year are prefixes.
struct SQLiteStatement: SQLStatement {
  var sql = ""
  var arguments = StatementArguments()

  mutating func bind(_ value: Int64) -> String {
    arguments += [value]
    return "?"
  }

  mutating func bind(_ value: String) -> String {
    arguments += [value]
    return "?"
  }

  mutating func bind(_ value: String?) -> String {
    arguments += [value]
    return "?"
  }

  mutating func bind(_ value: Int64?) -> String {
    arguments += [value]
    return "?"
  }

  mutating func bind(day: CalendarDay) -> String { bind(day.description) }

  /// ISO 8601 text, as it comes.
  mutating func bind(instant: String?) -> String { bind(instant) }

  /// `LocalTime.isoSecond` text, which the timer's `started_at` checks.
  mutating func bind(wallClock time: LocalTime) -> String { bind(time.isoSecond) }

  /// instr, not LIKE; SQLite's `lower()` folds ASCII letters only.
  static func contains(folded: String, in column: String) -> String { "instr(lower(\(column)), \(folded)) > 0" }

  static func firstDay(of column: String, year: Bool) -> String {
    year ? "substr(\(column), 1, 4) || '-01-01'" : "substr(\(column), 1, 7) || '-01'"
  }

  static func dayValue(_ column: String) -> String { column }

  static func instantText(_ column: String) -> String { column }

  static func wallClockText(_ column: String) -> String { column }

  /// ASCII letters only, as clients have always been listed.
  static func caseless(_ column: String) -> String { "\(column) COLLATE NOCASE" }

  static let now = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

  static func integer(_ sum: String) -> String { sum }

  /// As stored: days and times are text already.
  static func copied(_ column: String, kind _: ColumnKind) -> String { column }
}

/// A row of SQLite's answer, by column name.
struct SQLiteRow: SQLRow {
  let row: Row

  func integer(_ column: String) throws -> Int64? { row[column] }
  func text(_ column: String) throws -> String? { row[column] }
  /// An ISO day; a malformed one (written by hand) is nil.
  func day(_ column: String) throws -> CalendarDay? { (row[column] as String?).flatMap { CalendarDay(iso: $0) } }
}
