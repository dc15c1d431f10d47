import Foundation
import Testing
import TsheetTestSupport

/// The README's team setup, run line by line as it stands against the test server, then used by its members in
/// each order of first connection. It makes roles and a database with the README's names, which the server
/// holds once: the tests follow one another.
@Suite(.enabled(if: TeamServer.isAvailable), .serialized) struct TeamSetupTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try sandbox.configure("")
  }

  /// The lines of the README's setup block.
  static func readmeSetup() throws -> [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.range(of: "**Setting up the server**"))
    let block = try #require(readme[section.upperBound...].components(separatedBy: "```").dropFirst().first)
    return block.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
  }

  /// Removes what an earlier run left, then runs the README's setup as the server's administrator; the
  /// password prompts are answered on standard input (no terminal).
  func setUpAsTheReadmeSays() throws {
    for sql in [
      "DROP DATABASE IF EXISTS tsheet", "DROP ROLE IF EXISTS ana", "DROP ROLE IF EXISTS luis",
      "DROP ROLE IF EXISTS eve", "DROP ROLE IF EXISTS tsheet_team",
    ] {
      try TeamServer.psql(sql)
    }
    let lines = try Self.readmeSetup()
    #expect(lines.count >= 4 && lines.contains { $0.hasPrefix("createdb") })
    let script = lines.map { "printf 'pw\\npw\\n' | setsid -w \($0)" }.joined(separator: " && ")
    let run = try RealPrograms.run(
      "/bin/bash", ["-c", script],
      environment: [
        "PGHOST": "127.0.0.1", "PGPORT": "\(TeamServer.port(of: try TeamServer.adminURL()))", "PGUSER": "tsheet",
      ],
      timeout: 60)
    #expect(run.status == 0, "the README's setup failed")
  }

  func url(_ member: String) throws -> String {
    "postgres://\(member)@127.0.0.1:\(TeamServer.port(of: try TeamServer.adminURL()))/tsheet?sslmode=disable"
  }

  /// Who owns each table of the log: one role, the team's, whoever came first.
  func tableOwners() throws -> Set<String> {
    Set(
      try TeamServer.psql("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'", database: "tsheet")
        .split(separator: "\n").map(String.init))
  }

  @Test(arguments: [["ana", "luis"], ["luis", "ana"]])
  func whoeverConnectsFirstTheWholeTeamCanWork(order: [String]) throws {
    try setUpAsTheReadmeSays()
    for (index, member) in order.enumerated() {
      _ = try sandbox.succeed([
        "log", "Work by \(member)", "1h", "-c", "acme", "--date", "2026-11-1\(index + 6)", "--as", member,
        "--db", url(member),
      ])
    }
    #expect(try tableOwners() == ["tsheet_team"])
    for member in order {
      let listed = try sandbox.succeed(["list", "--from", "2026-11-01", "--format", "csv", "--db", url(member)])
      #expect(listed.contains("Work by ana") && listed.contains("Work by luis"), "\(member) sees the team's work")
      let doctor = try sandbox.run(["doctor", "--db", url(member)])
      #expect(doctor.status == 0, "\(doctor.stdout)")
      #expect(doctor.stdout.contains("ok    migrate") && doctor.stdout.contains("ok    write"))
    }
  }

  @Test func aMemberLeftOutOfTheTeamIsToldWhatTheAdministratorMustGrant() throws {
    try setUpAsTheReadmeSays()
    try TeamServer.psql("CREATE ROLE eve LOGIN")
    try sandbox.refuse(
      ["log", "First", "1h", "-c", "acme", "--db", url("eve")], status: 69,
      error:
        "the role 'eve' may not create or update the log's tables (only the database's owner, 'tsheet_team', and its "
        + "members may) on the PostgreSQL server \(try url("eve").prefix { $0 != "?" }); its administrator must run: GRANT tsheet_team TO eve."
    )
    #expect(try tableOwners().isEmpty, "nothing was created")
    _ = try sandbox.succeed(["log", "First", "1h", "-c", "acme", "--db", url("ana")])
    let reading = try sandbox.run(["list", "--db", url("eve")])
    #expect(reading.status == 69)
    #expect(reading.stderr.contains("may not read the tables client, client_day, day_off"))
    #expect(reading.stderr.contains("its administrator must run: GRANT tsheet_team TO eve."))
    #expect(!reading.stderr.contains("password"))
    let doctor = try sandbox.run(["doctor", "--db", url("eve")])
    #expect(doctor.status == 69)
    #expect(doctor.stdout.contains("FAIL  read") && doctor.stdout.contains("GRANT tsheet_team TO eve"))
  }

  @Test func tablesAMemberOwnsAreNamedWithTheChangeOfOwnerThatFreesThem() throws {
    try setUpAsTheReadmeSays()
    _ = try sandbox.succeed(["log", "First", "1h", "-c", "acme", "--db", url("ana")])
    try TeamServer.psql(  // as an old setup left them: a member's own
      """
      DO $$DECLARE t record; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
      EXECUTE format('ALTER TABLE %I OWNER TO luis', t.tablename); END LOOP; END$$
      """, database: "tsheet")
    try TeamServer.psql("REVOKE tsheet_team FROM ana")
    let listing = try sandbox.run(["list", "--db", url("ana")])
    #expect(listing.status == 69)
    #expect(listing.stderr.contains("its administrator must run: ALTER TABLE client OWNER TO tsheet_team; "))
    #expect(listing.stderr.contains("ALTER TABLE tsheet_schema OWNER TO tsheet_team."))
    let doctor = try sandbox.run(["doctor", "--db", url("luis")])
    #expect(doctor.stdout.contains("FAIL  owner") && doctor.status == 69)
  }

  @Test func aReadOnlySessionIsNamedAsSuchNotAsADamagedLog() throws {
    try setUpAsTheReadmeSays()
    _ = try sandbox.succeed(["log", "First", "1h", "-c", "acme", "--db", url("ana")])
    try TeamServer.psql("ALTER ROLE luis SET default_transaction_read_only = on")
    try sandbox.refuse(
      ["log", "Second", "1h", "-c", "acme", "--db", url("luis")], status: 69,
      error: "the role 'luis' may not change the tables client, client_day, day_off, entry, import_key, message, "
        + "recipient, timer on the PostgreSQL server \(try url("luis").prefix { $0 != "?" }); its administrator "
        + "must run: ALTER ROLE luis SET default_transaction_read_only = off.")
    #expect(try sandbox.succeed(["list", "--db", url("luis"), "--format", "csv"]).contains("First"), "it still reads")
  }

  @Test func rightsTakenFromTheTeamOnOneTableAreGivenBackToTheTeam() throws {
    try setUpAsTheReadmeSays()
    _ = try sandbox.succeed(["log", "First", "1h", "-c", "acme", "--db", url("ana")])
    try TeamServer.psql("REVOKE ALL ON TABLE message FROM tsheet_team", database: "tsheet")
    let doctor = try sandbox.run(["doctor", "--db", url("luis")])
    #expect(doctor.status == 69)
    #expect(doctor.stdout.contains("its administrator must run: GRANT ALL ON TABLE message TO tsheet_team."))
    try TeamServer.psql("GRANT ALL ON TABLE message TO tsheet_team", database: "tsheet")  // as it advised
    #expect(try sandbox.run(["doctor", "--db", url("luis")]).status == 0)
  }
}
