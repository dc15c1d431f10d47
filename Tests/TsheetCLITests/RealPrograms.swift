import Foundation

/// The programs people read tsheet's output with, as tests run them. A test whose program is missing is skipped
/// on a developer's machine; with `CI` set it runs, and fails, since CI installs them.
enum RealPrograms {
  static let chromium = "/usr/bin/chromium"
  static let libreOffice = "/usr/bin/soffice"
  static let timewarrior = "/usr/bin/timew"
  static let zsh = "/usr/bin/zsh"

  /// Whether the tests of `program` may run.
  static func canRun(_ program: String) -> Bool {
    ProcessInfo.processInfo.environment["CI"] != nil || FileManager.default.isExecutableFile(atPath: program)
  }

  /// Runs `program arguments…` with `environment` added to the test's own, waits at most `timeout` seconds,
  /// and returns its standard output.
  static func run(
    _ program: String, _ arguments: [String], environment: [String: String] = [:],
    timeout: TimeInterval = 120
  ) throws -> (status: Int32, output: String) {
    let process = Process()
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    let data = output.fileHandleForReading.readDataToEndOfFile()
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
