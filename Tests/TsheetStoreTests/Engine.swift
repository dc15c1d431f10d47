import Foundation
import TsheetCore

@testable import TsheetStore

/// The engines the store suite runs on: SQLite always, PostgreSQL on the server `.ci/postgres` starts
/// (`TSHEET_TEST_POSTGRES`). On a developer's machine without one the PostgreSQL runs are left out; with `CI`
/// set they run, and fail when the server is missing.
enum Engine: String, CustomStringConvertible, CaseIterable {
  case sqlite, postgres

  static let all: [Engine] =
    ProcessInfo.processInfo.environment["TSHEET_TEST_POSTGRES"] != nil
      || ProcessInfo.processInfo.environment["CI"] != nil ? [.sqlite, .postgres] : [.sqlite]

  var description: String { rawValue }

  /// A new, empty log on this engine: a file in a temporary folder, or a database of its own on the server.
  func makeStore() throws -> any Store {
    switch self {
    case .sqlite: return try SQLiteStore(path: try temporaryFolder() + "/tsheet.sqlite", person: "ana")
    case .postgres: return try PostgresStore(url: try Self.newDatabase(), environment: [:])
    }
  }

  /// The URL of a new database on the test server.
  static func newDatabase() throws -> PostgresURL {
    guard let server = ProcessInfo.processInfo.environment["TSHEET_TEST_POSTGRES"] else {
      throw TestServerMissing()
    }
    let name = "tsheet_test_" + UUID().uuidString.replacing("-", with: "").lowercased()
    var admin = try PostgresURL(parsing: server, defaultUser: "tsheet")
    let session = try PostgresSession(admin, environment: [:])
    try session.query("CREATE DATABASE \(name)")
    admin.database = name
    return admin
  }
}

/// `TSHEET_TEST_POSTGRES` is not set: `.ci/postgres start` sets it.
struct TestServerMissing: Error, CustomStringConvertible {
  var description: String { "no PostgreSQL test server: run `eval \"$(.ci/postgres start)\"` first" }
}
