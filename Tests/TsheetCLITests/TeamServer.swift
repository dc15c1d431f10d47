import Foundation
import Testing

/// The PostgreSQL server `.ci/postgres start` runs for the tests (`TSHEET_TEST_POSTGRES`): each test makes
/// databases of its own with the real `psql`. Without a server the team tests are left out on a developer's
/// machine; with `CI` set they run, and fail.
enum TeamServer {
  static let environment = ProcessInfo.processInfo.environment
  static let isAvailable = environment["TSHEET_TEST_POSTGRES"] != nil || environment["CI"] != nil

  /// The server's URL for its superuser (no password), with `sslmode=disable`.
  static func adminURL() throws -> String {
    try #require(environment["TSHEET_TEST_POSTGRES"], "start the test server: eval \"$(.ci/postgres start)\"")
  }

  /// `psql` as the superuser, on `database`: its output, unaligned.
  @discardableResult
  static func psql(_ sql: String, database: String = "postgres") throws -> String {
    let url = try adminURL().replacingOccurrences(of: "/postgres?", with: "/\(database)?")
    let run = try RealPrograms.run("/usr/bin/psql", [url, "-qtAc", sql], timeout: 30)
    #expect(run.status == 0, "psql: \(sql)")
    return run.output
  }

  /// The port in a URL `newDatabase` made.
  static func port(of url: String) -> Int {
    Int(url.split(separator: "@")[1].split(separator: "/")[0].split(separator: ":").last ?? "") ?? 0
  }

  /// A new empty database owned by `user`; returns its URL for `user` with `query` (default: no TLS).
  static func newDatabase(user: String = "tsheet", query: String = "sslmode=disable") throws -> (
    name: String, url: String
  ) {
    let name = "team_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    try psql("CREATE DATABASE \(name) OWNER \(user)")  // its owner creates the log's tables
    let server = try adminURL()
    let hostPort = server.split(separator: "@")[1].split(separator: "/")[0]
    return (name, "postgres://\(user)@\(hostPort)/\(name)?\(query)")
  }
}
