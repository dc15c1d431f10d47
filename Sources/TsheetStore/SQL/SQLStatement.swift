import TsheetCore

/// SQL being written with the values it binds, in one engine's dialect: the queries both engines run are written
/// once against it (`SQLLog`). Values are bound as the SQL is written, in the order they appear in it (SQLite's
/// `?` placeholders are numbered by their place).
protocol SQLStatement {
  var sql: String { get set }

  /// Binds `value` and returns its placeholder.
  mutating func bind(_ value: Int64) -> String
  /// Binds `value` and returns its placeholder.
  mutating func bind(_ value: String) -> String
  /// Binds `value`, NULL when nil, and returns its placeholder.
  mutating func bind(_ value: String?) -> String
  /// Binds `value`, NULL when nil, and returns its placeholder.
  mutating func bind(_ value: Int64?) -> String
  /// Binds `day` and returns the SQL of it as a day the engine compares with its day columns.
  mutating func bind(day: CalendarDay) -> String
  /// Binds `instant`, ISO 8601 in UTC (`2026-11-23T09:00:00Z`) or NULL, as the engine stores a moment.
  mutating func bind(instant: String?) -> String
  /// Binds `time` as the engine stores a wall-clock time (no zone).
  mutating func bind(wallClock time: LocalTime) -> String

  /// The SQL that is true when `column`, its ASCII letters in lower case, contains the bound text `folded`:
  /// no pattern to escape, no limit on the length, and other letters left as they are on both engines.
  static func contains(folded: String, in column: String) -> String
  /// The first day of the month (`year` false) or year of the day `column`, as a day column.
  static func firstDay(of column: String, year: Bool) -> String
  /// The day `column` as the engine's rows give a day back (`SQLRow.day`).
  static func dayValue(_ column: String) -> String
  /// The moment `column` as `bind(instant:)` takes it: ISO 8601 text in UTC.
  static func instantText(_ column: String) -> String
  /// The wall-clock time `column` as text, `2026-11-23T09:00:00` (`LocalTime.isoSecond`).
  static func wallClockText(_ column: String) -> String
  /// The `ORDER BY` terms that sort `column` without regard to case.
  static func caseless(_ column: String) -> String
  /// The time now, as the engine stores `created_at` and `updated_at`.
  static var now: String { get }
  /// A sum as the engine's 64-bit integer.
  static func integer(_ sum: String) -> String
  /// The column `column` of `kind` as a copy reads it: integers as 64-bit integers, days as ISO text
  /// (`2026-11-23`), times as ISO 8601 text in UTC (`2026-11-23T09:15:00Z`, with microseconds only when
  /// there are some): the same text on both engines, so that a log copied back holds what it held.
  static func copied(_ column: String, kind: ColumnKind) -> String
}

extension SQLStatement {
  /// Binds `value` and returns its placeholder.
  mutating func bind(_ value: Int) -> String { bind(Int64(value)) }

  static func += (statement: inout Self, sql: String) { statement.sql += sql }
}
