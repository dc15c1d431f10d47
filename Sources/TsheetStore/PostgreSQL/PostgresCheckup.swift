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

  private static func tls(_ session: PostgresSession, url: PostgresURL) throws -> Checkup {
    let row = try session.rows(
      PostgresStatement(
        "SELECT ssl, coalesce(version, '') AS version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
    ).first
    let version: String = try row?.value("version") ?? ""
    guard try row?.value("ssl", as: Bool.self) == true else {
      let local = ["127.0.0.1", "::1", "localhost"].contains(url.host)
      let finding = "not used (sslmode=\(url.tls.rawValue))"
      return local
        ? .ok("TLS", finding + ": the server is on this machine")
        : .warning(
          "TLS",
          finding + ": the password and the log cross the network in clear; set sslmode=verify-full and sslrootcert")
    }
    return url.tls == .verifyFull
      ? .ok("TLS", "\(version), the server's certificate checked for \(url.host.echoed())")
      : .warning(
        "TLS",
        "\(version), but the certificate is not checked (sslmode=\(url.tls.rawValue)): set sslmode=verify-full and sslrootcert"
      )
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
    let applied = access.hasSchema && access.unreadable.isEmpty ? try PostgresSchema.appliedVersion(in: session) : 0
    if !access.hasSchema, try session.value(PostgresStatement(PostgresSchema.foreignObjects), as: Bool.self) == true {
      return checks + [.failed("schema", StoreError.foreignDatabase(path: session.url).description, .dataError)]
    } else if !access.hasSchema {
      checks.append(.ok("schema", "no log yet: the first tsheet to connect creates it (version \(latest))"))
    } else if applied > latest {
      checks.append(.failed("schema", StoreError.newerSchema(path: session.url).description, .dataError))
    } else {
      checks.append(
        .ok(
          "schema",
          applied == latest
            ? "version \(applied), this tsheet's"
            : "version \(applied) of \(latest): the next tsheet to connect updates it"))
    }
    let needed = !access.hasSchema || applied < latest
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
    if let owner = access.tableOwner, owner != access.owner {
      checks.append(
        .failed(
          "owner",
          "the log's tables belong to '\(owner.echoed())', not to the database's owner '\(access.owner.echoed())', so other members are locked out: the administrator must run \(access.grant)",
          .unavailable))
    }
    checks.append(
      access.unreadable.isEmpty
        ? .ok("read", "every table of the log")
        : .failed(
          "read", access.refusal("read \(access.unreadable.joined(separator: ", "))", url: url).description,
          .unavailable))
    checks.append(
      access.unwritable.isEmpty
        ? .ok("write", "every table of the log")
        : .failed(
          "write", access.refusal("change \(access.unwritable.joined(separator: ", "))", url: url).description,
          .unavailable))
    return checks
  }

  private static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    return value < 10 ? String(format: "%.1f ms", value) : "\(Int(value.rounded())) ms"
  }
}
