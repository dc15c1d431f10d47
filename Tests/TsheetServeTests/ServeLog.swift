import Foundation
import TsheetCore
import TsheetKit
import TsheetTestSupport

/// A log of its own in a new temporary folder, and an environment made from scratch that names it. Today is
/// Monday 2026-11-23, so the week the server opens on is 2026-W47 (16 to 22 November).
struct ServeLog {
  /// What one run of a built binary did.
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  let folder: String
  private(set) var environment: [String: String]

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsheet-serve-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder + "/home", withIntermediateDirectories: true)
    environment = [
      "PATH": "/usr/bin:/bin", "HOME": folder + "/home", "XDG_DATA_HOME": folder + "/home/.local/share",
      "XDG_CONFIG_HOME": folder + "/home/.config", "XDG_STATE_HOME": folder + "/home/.local/state",
      "TSHEET_DB": folder + "/tsheet.sqlite", "TSHEET_TODAY": "2026-11-23", "NO_COLOR": "1", "USER": "ana",
    ]
  }

  /// A team's log in place of the file: a new database on the test server (`TeamServer`), which `TSHEET_DB`
  /// names; the same environment otherwise.
  static func team() throws -> ServeLog {
    var log = try ServeLog()
    log.environment["TSHEET_DB"] = try TeamServer.newDatabase().url
    return log
  }

  /// This log with a config file holding `toml`, and `TSHEET_SMTP_PASSWORD` set.
  func configured(_ toml: String) throws -> ServeLog {
    var log = self
    log.environment["TSHEET_CONFIG"] = folder + "/config.toml"
    log.environment["TSHEET_SMTP_PASSWORD"] = "s3cret"
    try toml.write(toFile: folder + "/config.toml", atomically: false, encoding: .utf8)
    return log
  }

  /// The run's context, as the built binaries read it from `environment`.
  var context: Context {
    get throws { try Context(environment: environment, databaseFlag: nil, configFlag: nil) }
  }

  /// Logs `title` for `minutes` on `day` (YYYY-MM-DD) to `client`, as `person` (default: ana).
  func log(_ title: String, _ minutes: Int, client: String, on day: String, as person: String? = nil) throws {
    _ = try Logbook(try context.acting(as: person))
      .log(LogRequest(words: [title], client: client, date: day, minutes: minutes))
  }

  /// A built executable of the package, beside the test bundle.
  static func binary(_ name: String) -> String {
    let folder =
      Bundle.main.executableURL?.deletingLastPathComponent().path
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
    return folder + "/" + name
  }

  /// Runs the built `tsheet arguments…` in this log's environment and waits for it.
  func run(_ arguments: [String], binary: String = ServeLog.binary("tsheet")) throws -> Run {
    let (output, errors) = (Pipe(), Pipe())
    let process = try start(arguments, binary: binary, output: output, errors: errors)
    let stdout = output.fileHandleForReading.readDataToEndOfFile()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// Starts the built `tsheet arguments…` in this log's environment; the caller waits for it.
  func start(_ arguments: [String], binary: String = ServeLog.binary("tsheet"), output: Pipe, errors: Pipe) throws
    -> Process
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    return process
  }
}
