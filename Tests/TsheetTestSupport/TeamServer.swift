import Foundation
import Testing

/// The PostgreSQL server `.ci/postgres start` runs for the tests (`TSHEET_TEST_POSTGRES`): each test makes
/// databases of its own with the real `psql`. Without a server the team tests are left out on a developer's
/// machine; with `CI` set they run, and fail.
package enum TeamServer {
  package static let environment = ProcessInfo.processInfo.environment
  package static let isAvailable = environment["TSHEET_TEST_POSTGRES"] != nil || environment["CI"] != nil

  /// The server's URL for its superuser (no password), with `sslmode=disable`.
  package static func adminURL() throws -> String {
    try #require(environment["TSHEET_TEST_POSTGRES"], "start the test server: eval \"$(.ci/postgres start)\"")
  }

  /// `psql` as the superuser, on `database`: its output, unaligned; at most 30 seconds.
  @discardableResult
  package static func psql(_ sql: String, database: String = "postgres") throws -> String {
    let url = try adminURL().replacingOccurrences(of: "/postgres?", with: "/\(database)?")
    let process = Process()
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
    process.arguments = [url, "-qtAc", sql]
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let deadline = Date().addingTimeInterval(30)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "psql: \(sql)")
    return String(decoding: data, as: UTF8.self)
  }

  /// The port in a URL `newDatabase` made.
  package static func port(of url: String) -> Int {
    Int(url.split(separator: "@")[1].split(separator: "/")[0].split(separator: ":").last ?? "") ?? 0
  }

  /// A new empty database owned by `user`; returns its URL for `user` with `query` (default: no TLS).
  package static func newDatabase(user: String = "tsheet", query: String = "sslmode=disable") throws -> (
    name: String, url: String
  ) {
    let name = "team_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    try psql("CREATE DATABASE \(name) OWNER \(user)")  // its owner creates the log's tables
    let server = try adminURL()
    let hostPort = server.split(separator: "@")[1].split(separator: "/")[0]
    return (name, "postgres://\(user)@\(hostPort)/\(name)?\(query)")
  }
}
