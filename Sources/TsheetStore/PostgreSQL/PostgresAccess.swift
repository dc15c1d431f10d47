import Foundation
import PostgresNIO

/// What the connected member may do on the team's log, read from the server's catalogs in one query before
/// anything else: who owns the database (the team's role, in the README's setup), whether the member can act
/// as that role, and which of the log's tables they cannot read or write. The schema is always created as the
/// database's owner, so that no member's own role ends up owning the tables and locking the others out.
struct PostgresAccess: Sendable, Equatable {
  /// The role the member logged in as.
  var member: String
  /// The database's owner: the role that creates and owns the log's tables.
  var owner: String
  /// Whether `member` is `owner`, or a member of it (so can act as it).
  var actsAsOwner: Bool
  /// Who owns the log's tables, when there are any; `owner` in a setup nobody can lock.
  var tableOwner: String?
  /// The log's tables the member cannot read, or cannot change (by name).
  var unreadable: [String]
  var unwritable: [String]
  /// Whether the schema table exists: a log is there, at some version.
  var hasSchema: Bool

  /// Every table of the log, `tsheet_schema` included.
  static let tables = [
    "client", "client_day", "day_off", "entry", "import_key", "message", "recipient", "timer", "tsheet_schema",
  ]

  /// Reads the member's access, in one round trip.
  static func probe(_ session: PostgresSession) throws -> PostgresAccess {
    var query = PostgresStatement()
    let tables = query.bind(Self.tables)
    query += """
      WITH log AS (SELECT c.oid, c.relname, c.relowner FROM pg_class c
                   WHERE c.relkind IN ('r', 'p') AND c.relname = ANY (\(tables))
                     AND c.relnamespace = to_regnamespace(coalesce(current_schema(), 'public')))
      SELECT current_user::text AS member, pg_get_userbyid(d.datdba)::text AS owner,
             pg_has_role(d.datdba, 'MEMBER') AS acts_as_owner,
             (SELECT pg_get_userbyid(min(relowner))::text FROM log WHERE relname = 'entry') AS table_owner,
             (SELECT coalesce(string_agg(relname, ',' ORDER BY relname), '') FROM log
              WHERE NOT has_table_privilege(oid, 'SELECT')) AS unreadable,
             (SELECT coalesce(string_agg(relname, ',' ORDER BY relname), '') FROM log
              WHERE relname <> 'tsheet_schema' AND NOT (has_table_privilege(oid, 'INSERT')
                    AND has_table_privilege(oid, 'UPDATE') AND has_table_privilege(oid, 'DELETE'))) AS unwritable,
             EXISTS (SELECT FROM log WHERE relname = 'tsheet_schema') AS has_schema
      FROM pg_database d WHERE d.datname = current_database()
      """
    guard let row = try session.rows(query).first else {
      throw StoreError.unexpectedShape(path: session.url, reason: "the server does not list its own database")
    }
    let names = { (text: String) in text.split(separator: ",").map(String.init) }
    return PostgresAccess(
      member: try row.value("member"), owner: try row.value("owner"), actsAsOwner: try row.value("acts_as_owner"),
      tableOwner: try row.value("table_owner"), unreadable: names(try row.value("unreadable")),
      unwritable: names(try row.value("unwritable")), hasSchema: try row.value("has_schema"))
  }

  /// What the administrator must run so that the member can use a log whose tables `tableOwner` owns.
  var grant: String {
    if let tableOwner, tableOwner != owner {
      return "REASSIGN OWNED BY \(Self.quoted(tableOwner)) TO \(Self.quoted(owner)) (in this database), then "
        + "GRANT \(Self.quoted(owner)) TO \(Self.quoted(member))"
    }
    return "GRANT \(Self.quoted(owner)) TO \(Self.quoted(member))"
  }

  /// The refusal for a member who may not `action` (e.g. "read the tables entry, timer").
  func refusal(_ action: String, url: String) -> StoreError {
    .notPermitted(url: url, role: member, action: action, grant: grant)
  }

  /// Why the member cannot create the log's tables, or nil when they can (as the database's owner).
  func migrationRefusal(url: String) -> StoreError? {
    actsAsOwner
      ? nil : refusal("create the log's tables (only the database's owner, '\(owner)', and its members may)", url: url)
  }

  /// A role's name as SQL writes it, quoted when it must be.
  static func quoted(_ role: String) -> String {
    let plain =
      role.first.map { $0 == "_" || ($0.isASCII && $0.isLowercase) } == true
      && role.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) }
    return plain ? role : "\"" + role.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
