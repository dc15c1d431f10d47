import Foundation
import Testing
import TsheetTestSupport

/// The times a team's server keeps as times (schema v3): the timer's start as the member's wall clock, the
/// send as an instant, whatever zone the member's clock and the server's sessions are in.
@Suite(.enabled(if: TeamServer.isAvailable)) struct TeamTimesTests {
  let sandbox: Sandbox
  let name: String

  /// A sandbox whose log is a new database on the test server, its sessions in New York, the member's clock in
  /// Chatham (UTC+13:45).
  init() throws {
    var sandbox = try Sandbox()
    let (name, url) = try TeamServer.newDatabase()
    try TeamServer.psql("ALTER DATABASE \(name) SET timezone = 'America/New_York'")
    sandbox.environment["TSHEET_DB"] = url
    sandbox.environment["TZ"] = "Pacific/Chatham"
    sandbox.environment["TSHEET_SMTP_PASSWORD"] = "s3cret"
    (self.sandbox, self.name) = (sandbox, name)
  }

  /// Runs `tsheet arguments…` at `now`, local time.
  func at(_ now: String, _ arguments: [String]) throws -> String {
    var sandbox = sandbox
    sandbox.environment["TSHEET_NOW"] = now
    sandbox.environment["TSHEET_TODAY"] = String(now.prefix(10))
    return try sandbox.succeed(arguments)
  }

  @Test func aTimerRunsByTheWallClock() throws {
    #expect(try at("2026-11-23T23:00", ["start", "Night", "migration", "-c", "globex"]).hasSuffix("at 23:00.\n"))
    #expect(try TeamServer.psql("SELECT started_at FROM timer", database: name) == "2026-11-23 23:00:00\n")
    #expect(try at("2026-11-24T00:10", ["status", "--format", "json"]).contains("\"started\":\"2026-11-23T23:00\""))
    #expect(
      try at("2026-11-24T01:30", ["stop"]) == """
        Logged #1: Mon 2026-11-23  globex  Night migration  1:00
        Logged #2: Tue 2026-11-24  globex  Night migration  1:30

        """)
    #expect(try at("9999-12-31T22:59", ["start", "Year-end close", "-c", "acme"]).hasSuffix("at 22:59.\n"))
    #expect(try at("9999-12-31T23:59", ["stop"]).contains("Fri 9999-12-31  acme  Year-end close  1:00"))
  }

  @Test(.enabled(if: SMTPTestServer.canRun)) func theSentLedgerKeepsTheInstant() throws {
    let server = try SMTPTestServer(in: sandbox.folder + "/smtp")
    try sandbox.configure(
      """
      [mail]
      from = "Ana Ruiz <ana@consult.es>"
      [smtp]
      host = "127.0.0.1"
      port = \(server.port)
      username = "ana@consult.es"
      ca_file = "\(server.caFile)"
      """)
    _ = try sandbox.succeed(["log", "Fixed SSO login", "1h30m", "-c", "acme", "--date", "2026-11-17"])
    _ = try sandbox.succeed(["clients", "set", "acme", "--to", "Marta Gil <marta@acme.com>"])
    _ = try sandbox.succeed(["week", "-c", "acme", "--send"])
    let instant = try TeamServer.psql(
      "SELECT to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM message", database: name)
    #expect(instant.count == 21, "one sent message: \(instant)")
    let stored = String(instant.dropLast())
    let sentAt = try #require(ISO8601DateFormatter().date(from: stored))
    #expect(abs(sentAt.timeIntervalSinceNow) < 120, "the instant of the send, not shifted by a zone")
    #expect(try sandbox.succeed(["sent"]).hasPrefix("\(stored)  acme  week 2026-11-16\n"))
    let again = try sandbox.run(["week", "-c", "acme", "--send"])
    #expect(again.status == 65)
    #expect(again.stderr.hasPrefix("Error: week 2026-11-16 to 2026-11-22 went to acme on \(stored);"))
  }
}
