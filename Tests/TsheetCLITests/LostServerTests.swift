import Foundation
import Testing
import TsheetTestSupport

/// A team command that loses its server midway ends within its deadline, in one line, with 75, and what it was
/// writing is rolled back: whether the server's administrator ends its session, the connection is cut (a TCP proxy,
/// `Tests/Support/tcp_proxy.py`), or the server stops answering and never says so.
@Suite(.enabled(if: TeamServer.isAvailable)) struct LostServerTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  /// A new database holding `entries` entries; its name and URL.
  func team(holding entries: Int) throws -> (name: String, url: String) {
    let team = try TeamServer.newDatabase()
    let file = sandbox.folder + "/entries-\(team.name).csv"
    try sandbox.write(
      "id,date,client,title,description,minutes,hours,person\n"
        + (1...entries).map { "\($0),2026-11-16,acme,Task number \($0) of the long log,,15,0.25,ana\n" }.joined(),
      to: file)
    _ = try sandbox.succeed(["import", file, "--db", team.url, "--quiet"])
    return team
  }

  /// The server's process for tsheet's session on `database` once `condition` (on `pg_stat_activity` as `a`)
  /// holds for it; nil when it does not within ten seconds.
  func session(on database: String, where condition: String) throws -> String? {
    var pid: String?
    _ = try eventually(within: 10) {
      pid = try TeamServer.psql(
        """
        SELECT a.pid FROM pg_stat_activity a WHERE a.datname = '\(database)' AND a.application_name = 'tsheet'
        AND \(condition)
        """
      ).split(separator: "\n").first.map(String.init)
      return pid != nil
    }
    return pid
  }

  /// The one line a lost server gives.
  static func lost(_ url: String, because reason: String) -> String {
    "Error: the PostgreSQL server \(url.prefix { $0 != "?" }) cannot be reached (\(reason)); nothing was changed: "
      + "try again when it is up.\n"
  }

  @Test func anImportWhoseSessionIsEndedMidwayStopsAndRollsBack() throws {
    let (name, url) = try team(holding: 3)
    let before = try sandbox.succeed(["export", "--db", url])
    let file = sandbox.folder + "/more.csv"
    try sandbox.write(
      "id,date,client,title,description,minutes,hours,person\n"
        + (100...100_100).map { "\($0),2026-11-17,acme,Imported task \($0),,30,0.50,ana\n" }.joined(), to: file)
    let importing = try sandbox.launch(["import", file, "--db", url])
    let writer = try #require(
      try session(
        on: name,
        where: """
          EXISTS (SELECT FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory' AND l.granted)
          """), "the import holds the write lock")
    try TeamServer.psql("SELECT pg_terminate_backend(\(writer))")
    let end = try importing.finish(timeout: 30)
    #expect(end.status == 75)
    #expect(end.seconds < 10, "ended \(end.seconds) s after its session")
    // Ended while a statement ran, the server says why; between two, the connection is found closed.
    #expect(
      [
        Self.lost(url, because: "terminating connection due to administrator command"),
        Self.lost(url, because: "the server closed the connection"),
      ].contains(end.stderr), "\(end.stderr)")
    #expect(try sandbox.succeed(["export", "--db", url]) == before, "rolled back")
  }

  /// An export blocked on its reader, inside its read transaction, whose connection is cut then.
  @Test func anExportWhoseConnectionIsCutEndsAtOnce() throws {
    let (name, direct) = try team(holding: 20_000)
    let proxy = try SupportServer("tcp_proxy.py", ["--target", String(TeamServer.port(of: direct))])
    let url = direct.replacingOccurrences(of: ":\(TeamServer.port(of: direct))/", with: ":\(proxy.port)/")
    let exporting = try sandbox.launch(["export", "--db", url])
    _ = try #require(try session(on: name, where: "a.state = 'idle in transaction'"), "blocked on its output")
    try proxy.tell("cut")
    let end = try exporting.finish(timeout: 30)
    #expect(end.status == 75)
    #expect(end.seconds < 5, "ended \(end.seconds) s after the cut")
    #expect(end.stderr == Self.lost(url, because: "the server closed the connection"))
  }

  /// A list whose server stops answering in the middle, never closing the connection: the call's deadline.
  @Test func aListWhoseServerFallsSilentEndsAtItsDeadline() throws {
    let (name, direct) = try team(holding: 20_000)
    let proxy = try SupportServer("tcp_proxy.py", ["--target", String(TeamServer.port(of: direct))])
    let url = direct.replacingOccurrences(of: ":\(TeamServer.port(of: direct))/", with: ":\(proxy.port)/")
    let listing = try sandbox.launch(["list", "--limit", "0", "--format", "csv", "--db", url])
    _ = try #require(try session(on: name, where: "a.state = 'idle in transaction'"), "blocked on its output")
    try proxy.tell("freeze")
    let end = try listing.finish(timeout: 60)
    #expect(end.status == 75)
    #expect(end.seconds > 29 && end.seconds < 40, "ended \(end.seconds) s after the server fell silent")
    #expect(end.stderr == Self.lost(url, because: "no answer within 30 seconds"))
  }

  /// A write whose server is lost during its COMMIT cannot know whether the server kept it, and says so.
  @Test func aWriteLostDuringItsCommitSaysItMayHaveBeenKept() throws {
    let (name, url) = try team(holding: 1)
    // A deferred constraint trigger holds the COMMIT long enough to end the session there.
    try TeamServer.psql(
      """
      CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(30); RETURN NULL; END $$;
      CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON entry DEFERRABLE INITIALLY DEFERRED
          FOR EACH ROW EXECUTE FUNCTION slow_commit();
      """, database: name)
    let logging = try sandbox.launch(["log", "Perhaps kept", "5m", "-c", "acme", "--db", url])
    let committing = try #require(try session(on: name, where: "a.state = 'active' AND a.query = 'COMMIT'"))
    try TeamServer.psql("SELECT pg_terminate_backend(\(committing))")
    let end = try logging.finish(timeout: 30)
    #expect(end.status == 75)
    #expect(end.seconds < 5, "ended \(end.seconds) s after its session")
    #expect(
      end.stderr == "Error: the PostgreSQL server \(url.prefix { $0 != "?" }) was lost as it committed the change, "
        + "which may or may not have been kept; look with 'tsheet list' before doing it again.\n")
    #expect(try !sandbox.succeed(["export", "--db", url]).contains("Perhaps kept"), "this time, it was not")
  }
}
