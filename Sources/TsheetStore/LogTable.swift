/// A table of the log as `tsheet copy` moves it whole: its columns in order, each of a kind both engines read
/// and write alike. The one list of what a log holds (`all`): a column or table added to the schemas is added
/// here, and the copy moves it.
package struct LogTable: Sendable, Hashable, CustomStringConvertible {
  /// The table's name in both schemas.
  package let name: String
  /// Its columns, in the order rows hand their values.
  let columns: [Column]
  /// The `ORDER BY` of its primary key: rows are read and written in that order.
  let order: String
  /// What one row is, and several, in the user's words ("day off", "days off").
  let one: String
  let many: String
  /// The identity column PostgreSQL moves past the ids the copy kept; nil when the table has none.
  let identity: String?
  /// PostgreSQL makes its ids itself (`GENERATED ALWAYS`): an insert that keeps them says so.
  let alwaysGenerated: Bool

  /// A column and how its values travel.
  struct Column: Sendable, Hashable {
    let name: String
    let kind: ColumnKind
  }

  /// `count` rows of this table, as a person says it: "1 client", "120 entries".
  package func counted(_ count: Int) -> String { "\(count) \(count == 1 ? one : many)" }

  package var description: String { name }

  init(
    _ name: String, _ columns: [(String, ColumnKind)], order: String, one: String, many: String,
    identity: String? = nil, alwaysGenerated: Bool = false
  ) {
    self.name = name
    self.columns = columns.map { Column(name: $0.0, kind: $0.1) }
    self.order = order
    self.one = one
    self.many = many
    self.identity = identity
    self.alwaysGenerated = alwaysGenerated
  }
}

/// How a column's values travel between engines: integers as integers, everything else as text (days ISO,
/// instants ISO 8601 in UTC, wall-clock times ISO 8601 without a zone: `SQLStatement.copied`), NULL as NULL.
enum ColumnKind: Sendable, Hashable {
  case integer, text, day, timestamp, wallTime
}

/// A value of a row on its way from one log to another.
package enum TableValue: Sendable, Equatable {
  case integer(Int64)
  case text(String)
  case null
}

extension LogTable {
  /// Every table a log holds, each after those it refers to. `client_day` is not among them: each engine
  /// counts it again from the entries it receives. The timer's start is the member's wall clock (`LocalTime`).
  package static let all: [LogTable] = [client, recipient, entry, message, timer, dayOff, importKey]

  static let client = LogTable(
    "client",
    [
      ("id", .integer), ("name", .text), ("name_key", .text), ("lang", .text), ("created_at", .timestamp),
      ("rounding_step", .integer), ("rounding_mode", .text), ("monthly_minutes", .integer),
      ("terms_set_at", .timestamp),
    ], order: "id", one: "client", many: "clients", identity: "id")
  static let recipient = LogTable(
    "recipient",
    [("client_id", .integer), ("kind", .text), ("position", .integer), ("name", .text), ("address", .text)],
    order: "client_id, kind, position", one: "recipient", many: "recipients")
  static let entry = LogTable(
    "entry",
    [
      ("id", .integer), ("client_id", .integer), ("person", .text), ("title", .text), ("description", .text),
      ("day", .day), ("minutes", .integer), ("created_at", .timestamp), ("updated_at", .timestamp),
    ], order: "id", one: "entry", many: "entries", identity: "id")
  static let message = LogTable(
    "message",
    [
      ("id", .integer), ("client_id", .integer), ("variant", .text), ("first_day", .day), ("last_day", .day),
      ("message_id", .text), ("refs", .text), ("subject", .text), ("mail_to", .text), ("mail_cc", .text),
      ("mail_bcc", .text), ("state", .text), ("created_at", .timestamp), ("sent_at", .timestamp),
    ], order: "id", one: "message", many: "messages", identity: "id", alwaysGenerated: true)
  static let timer = LogTable(
    "timer",
    [("person", .text), ("client_id", .integer), ("title", .text), ("description", .text), ("started_at", .wallTime)],
    order: "person", one: "running timer", many: "running timers")
  static let dayOff = LogTable(
    "day_off", [("day", .day), ("person", .text), ("reason", .text)], order: "day, person NULLS FIRST", one: "day off",
    many: "days off")
  static let importKey = LogTable(
    "import_key", [("key", .integer), ("batch", .integer)], order: "key", one: "import key", many: "import keys")
}
