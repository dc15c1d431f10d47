import Foundation
import TsheetCore

extension PostgresStore {
  /// What `tsheet doctor` finds of the team's log at `url`: connecting and how long it took, TLS, the server's
  /// round trip and version, the schema, and what the member may do (read, write, migrate), each with what
  /// to fix. Nothing is created, migrated or changed.
  package static func checkUp(url: PostgresURL, environment: [String: String]) -> [Checkup] {
    let clock = ContinuousClock()
    let session: PostgresSession
    let connecting = clock.now
    do {
      session = try PostgresSession(url, environment: environment)
    } catch {
      return [.failed("connect", "\(error)", (error as? any UserError)?.exitStatus ?? .unavailable)]
    }
    let connectTime = connecting.duration(to: clock.now)
    var checks = [Checkup.ok("connect", "\(url.redacted) as '\(url.user.echoed())' in \(milliseconds(connectTime))")]
    do {
      checks.append(try tls(session, url: url))
      checks.append(try roundTrip(session, clock: clock))
      let access = try PostgresAccess.probe(session)
      checks += try schema(session, access: access) + permissions(access, url: session.url)
    } catch {
      checks.append(.failed("server", "\(error)", (error as? any UserError)?.exitStatus ?? .unavailable))
    }
    return checks
  }

  /// What `sslmode` made of the connection: the server's own view (`pg_stat_ssl`) only gives the version, as a
  /// proxy that ends TLS before the server would make it say none.
  private static func tls(_ session: PostgresSession, url: PostgresURL) throws -> Checkup {
    let version =
      try session.value(
        PostgresStatement("SELECT coalesce(max(version), '') FROM pg_stat_ssl WHERE pid = pg_backend_pid() AND ssl"),
        as: String.self) ?? ""
    let seen = version.isEmpty ? "" : "\(version), "
    let advice = "set sslmode=verify-full and sslrootcert"
    switch url.tls {
    case .verifyFull: return .ok("TLS", seen + "the server's certificate checked for \(url.host.echoed())")
    case .require: return .warning("TLS", seen + "but the certificate is not checked (sslmode=require): \(advice)")
    case .prefer, .disable:
      if ["127.0.0.1", "::1", "localhost"].contains(url.host) {
        return .ok("TLS", "sslmode=\(url.tls.rawValue), and the server is on this machine")
      }
      return .warning(
        "TLS",
        "sslmode=\(url.tls.rawValue): the password and the log may cross the network in clear or to anyone; \(advice)")
    }
  }

  /// The median of five `SELECT 1`s: every command waits for a few of them.
  private static func roundTrip(_ session: PostgresSession, clock: ContinuousClock) throws -> Checkup {
    var times: [Duration] = []
    for _ in 0..<5 {
      let start = clock.now
      try session.query("SELECT 1")
      times.append(start.duration(to: clock.now))
    }
    let median = times.sorted()[2]
    return median < .milliseconds(50)
      ? .ok("round trip", "\(milliseconds(median)) (the median of 5)")
      : .warning(
        "round trip",
        "\(milliseconds(median)) (the median of 5): each command waits for several; a server nearer the team would feel instant"
      )
  }

  private static func schema(_ session: PostgresSession, access: PostgresAccess) throws -> [Checkup] {
    let server =
      try session.value(PostgresStatement("SELECT current_setting('server_version_num')::int"), as: Int.self) ?? 0
    var checks = [
      server >= 130_000
        ? Checkup.ok("server", "PostgreSQL \(server / 10_000).\(server % 10_000)")
        : .failed(
          "server", "PostgreSQL \(server / 10_000) is older than tsheet needs (13): upgrade the server", .unavailable)
    ]
    let latest = PostgresSchema.migrations.count
    if !access.hasSchema, try session.value(PostgresStatement(PostgresSchema.foreignObjects), as: Bool.self) == true {
      return checks + [.failed("schema", StoreError.foreignDatabase(path: session.url).description, .dataError)]
    }
    var applied: Int?
    if !access.hasSchema {
      checks.append(.ok("schema", "no log yet: the first tsheet to connect creates it (version \(latest))"))
    } else if access.unreadable.contains("tsheet_schema") {
      checks.append(.failed("schema", "its version cannot be read: see read", .unavailable))
    } else {
      let version = try PostgresSchema.appliedVersion(in: session)
      applied = version
      checks.append(
        version > latest
          ? .failed("schema", StoreError.newerSchema(path: session.url).description, .dataError)
          : .ok(
            "schema",
            version == latest
              ? "version \(version), this tsheet's"
              : "version \(version) of \(latest): the next tsheet to connect updates it"))
    }
    let needed = applied.map { $0 < latest } ?? !access.hasSchema
    if let refusal = access.migrationRefusal(url: session.url) {
      checks.append(
        needed ? .failed("migrate", refusal.description, .unavailable) : .warning("migrate", refusal.description))
    } else {
      checks.append(
        .ok("migrate", "as '\(access.owner.echoed())', the database's owner" + (needed ? "" : " (nothing to do)")))
    }
    return checks
  }

  private static func permissions(_ access: PostgresAccess, url: String) -> [Checkup] {
    guard access.hasSchema else { return [] }
    var checks: [Checkup] = []
    if !access.strays.isEmpty {
      checks.append(
        .failed(
          "owner",
          "\(PostgresAccess.naming(access.strays)) of the log \(access.strays.count == 1 ? "belongs" : "belong") to another role than the database's owner "
            + "'\(access.owner.echoed())', which locks members out: the administrator must run \(access.remedy())",
          .unavailable))
    } else if access.ownerLogsIn {
      checks.append(
        .warning(
          "owner",
          "the database belongs to the login role '\(access.owner.echoed())', so only it can use the log; for a team, "
            + "make a role every member belongs to own it (see the README's team setup)"))
    }
    checks.append(
      access.unreadable.isEmpty
        ? .ok("read", "every table of the log")
        : .failed(
          "read", access.refusal("read", access.unreadable, url: url).description, .unavailable))
    checks.append(
      access.unwritable.isEmpty
        ? .ok("write", "every table of the log")
        : .failed(
          "write", access.refusal("change", access.unwritable, url: url).description,
          .unavailable))
    return checks
  }

  private static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    return value < 10 ? String(format: "%.1f ms", value) : "\(Int(value.rounded())) ms"
  }
}
