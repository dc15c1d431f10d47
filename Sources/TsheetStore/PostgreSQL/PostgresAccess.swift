import Foundation
import PostgresNIO

/// What the connected member may do on the team's log, read from the server's catalogs in one query before
/// anything else: who owns the database (the team's role, in the README's setup), whether the member can act
/// as that role, and which of the log's tables they cannot read or write. The schema is always created as the
/// database's owner, so that no member's own role ends up owning the tables and locking the others out.
struct PostgresAccess: Sendable, Equatable {
  /// The role the member logged in as, and the database's name.
  var member: String
  var database: String
  /// The database's owner: the role that creates and owns the log's tables.
  var owner: String
  /// Whether `member` is `owner`, or a member of it (so can act as it).
  var actsAsOwner: Bool
  /// Whether the member has the privileges of the roles it belongs to without `SET ROLE` (`INHERIT`).
  var inherits: Bool
  /// Whether the database's owner is a role someone logs in as (a person's), rather than a team's.
  var ownerLogsIn: Bool
  /// Whether the database's owner may create tables in the schema the log lives in.
  var ownerCreates: Bool
  /// Whether the server makes this member's sessions read-only (`default_transaction_read_only`).
  var readOnly: Bool
  /// The log's tables some other role than the database's owner owns.
  var strays: [String]
  /// The log's tables the member cannot read, or cannot change (by name).
  var unreadable: [String]
  var unwritable: [String]
  /// Whether the schema table exists: a log is there, at some version.
  var hasSchema: Bool

  /// Every table of the log, by name: those a copy moves, the daily totals and the schema's versions.
  static let tables = (LogTable.all.map(\.name) + ["client_day", "tsheet_schema"]).sorted()

  /// Reads the member's access, in one round trip.
  static func probe(_ session: PostgresSession) throws -> PostgresAccess {
    var query = PostgresStatement()
    let tables = query.bind(Self.tables)
    query += """
      WITH place AS (SELECT to_regnamespace(coalesce(current_schema(), 'public'))::oid AS schema),
      log AS (SELECT c.oid, c.relname, c.relowner FROM pg_class c, place
              WHERE c.relkind IN ('r', 'p') AND c.relname = ANY (\(tables)) AND c.relnamespace = place.schema)
      SELECT current_user::text AS member, current_database()::text AS database,
             pg_get_userbyid(d.datdba)::text AS owner, pg_has_role(d.datdba, 'MEMBER') AS acts_as_owner,
             (SELECT rolinherit FROM pg_roles WHERE rolname = current_user) AS inherits,
             (SELECT rolcanlogin FROM pg_roles WHERE oid = d.datdba) AS owner_logs_in,
             coalesce((SELECT has_schema_privilege(d.datdba, schema, 'CREATE') FROM place), false) AS owner_creates,
             current_setting('transaction_read_only') = 'on' AS read_only,
             (SELECT coalesce(string_agg(relname, ',' ORDER BY relname), '') FROM log
              WHERE relowner <> d.datdba) AS strays,
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
    let readOnly: Bool = try row.value("read_only")
    return PostgresAccess(
      member: try row.value("member"), database: try row.value("database"), owner: try row.value("owner"),
      actsAsOwner: try row.value("acts_as_owner"), inherits: try row.value("inherits"),
      ownerLogsIn: try row.value("owner_logs_in"), ownerCreates: try row.value("owner_creates"), readOnly: readOnly,
      strays: names(try row.value("strays")), unreadable: names(try row.value("unreadable")),
      unwritable: readOnly ? Self.tables.filter { $0 != "tsheet_schema" } : names(try row.value("unwritable")),
      hasSchema: try row.value("has_schema"))
  }

  /// What the administrator must run so that the member can use `tables` (all of the log's when nil), found
  /// from the cause: a read-only session, tables another role owns, a member outside the owner's role or not
  /// inheriting its rights, or rights taken from the owner itself.
  func remedy(for tables: [String]? = nil) -> String {
    let member = Self.quoted(member)
    let owner = Self.quoted(owner)
    if readOnly { return "ALTER ROLE \(member) SET default_transaction_read_only = off" }
    let strayed = strays.filter { tables?.contains($0) ?? true }
    if !strayed.isEmpty { return strayed.map { "ALTER TABLE \($0) OWNER TO \(owner)" }.joined(separator: "; ") }
    if !actsAsOwner {
      return ownerLogsIn
        ? "ALTER DATABASE \(Self.quoted(database)) OWNER TO tsheet_team (a role every member belongs to, as the "
          + "README's team setup makes; not \(owner)'s own login)"
        : "GRANT \(owner) TO \(member)"
    }
    if !inherits { return "ALTER ROLE \(member) INHERIT" }
    return "GRANT ALL ON TABLE \((tables ?? Self.tables).joined(separator: ", ")) TO \(owner)"
  }

  /// The refusal for a member who may not `action` `tables` (e.g. "read" entry, timer).
  func refusal(_ action: String, _ tables: [String], url: String) -> StoreError {
    .notPermitted(
      url: url, role: member, action: "\(action) \(Self.naming(tables))", grant: remedy(for: tables))
  }

  /// "the table entry", "the tables entry, timer".
  static func naming(_ tables: [String]) -> String {
    (tables.count == 1 ? "the table " : "the tables ") + tables.joined(separator: ", ")
  }

  /// Why the member cannot create or migrate the log's tables, or nil when they can (as the database's owner).
  func migrationRefusal(url: String) -> StoreError? {
    let action = "create or update the log's tables"
    if readOnly || !actsAsOwner {
      let why = readOnly ? "in read-only sessions" : "(only the database's owner, '\(owner)', and its members may)"
      return .notPermitted(url: url, role: member, action: "\(action) \(why)", grant: remedy())
    }
    if !ownerCreates {
      return .notPermitted(
        url: url, role: member, action: "\(action), as the database's owner '\(owner)' may not",
        grant: "ALTER SCHEMA public OWNER TO \(Self.quoted(owner))")
    }
    return nil
  }

  /// A role's name as SQL writes it, quoted when it must be.
  static func quoted(_ role: String) -> String {
    let plain =
      role.first.map { $0 == "_" || ($0.isASCII && $0.isLowercase) } == true
      && role.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) }
    return plain ? role : "\"" + role.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
