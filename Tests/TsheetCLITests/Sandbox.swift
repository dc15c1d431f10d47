import Foundation
import Testing

/// A folder of its own for one end-to-end test, and the built `tsheet` binary run inside it with an environment
/// made from scratch: the real HOME, config and database are never seen.
struct Sandbox {
  /// What one run of `tsheet` did.
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  let folder: String
  var environment: [String: String]

  var databasePath: String { environment["TSHEET_DB"]! }
  var configPath: String { environment["TSHEET_CONFIG"]! }

  init(today: String = "2026-11-23") throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsheet-e2e-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder + "/home", withIntermediateDirectories: true)
    environment = [
      "PATH": "/usr/bin:/bin",
      "HOME": folder + "/home",
      "XDG_DATA_HOME": folder + "/home/.local/share",
      "XDG_CONFIG_HOME": folder + "/home/.config",
      "TSHEET_DB": folder + "/data/tsheet.sqlite",
      "TSHEET_CONFIG": folder + "/config.toml",
      "TSHEET_TODAY": today,
      "NO_COLOR": "1",
      "USER": "ana",
    ]
    try configure("")
  }

  /// A sandbox for imports: its clock in UTC, and one entry of its own (`internal`, 2026-11-02) that no import
  /// may disturb.
  static func forImports() throws -> Sandbox {
    var sandbox = try Sandbox()
    sandbox.environment["TZ"] = "UTC"
    _ = try sandbox.succeed(["log", "Existing work", "1h", "-c", "internal", "--date", "2026-11-02"])
    return sandbox
  }

  /// Writes `text` to the file `name` in the sandbox's folder.
  /// - Returns: its path.
  func file(_ name: String, _ text: String) throws -> String {
    try file(name, Array(text.utf8))
  }

  /// Writes `bytes` to the file `name` in the sandbox's folder.
  /// - Returns: its path.
  func file(_ name: String, _ bytes: [UInt8]) throws -> String {
    let path = folder + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Writes the config file: `toml` after `workdays = []`. The sandboxes log a few days of a week, and gaps
  /// are not what most tests look at; `GapTests` set a work week of their own with `write(_:to:)`.
  func configure(_ toml: String) throws {
    try write("workdays = []\n" + toml, to: configPath)
  }

  /// The `tsheet` executable that `swift build` put beside the test bundle.
  static var binary: String {
    let folder =
      Bundle.main.executableURL?.deletingLastPathComponent().path
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
    return folder + "/tsheet"
  }

  /// Runs `tsheet arguments…`, optionally as the unprivileged user `nobody` (so that file permissions bind
  /// even when the tests run as root), and waits for it.
  /// `standardOutput`, when given, replaces the captured standard output (a pipe, a device).
  @discardableResult
  func run(_ arguments: [String], asNobody: Bool = false, standardOutput: FileHandle? = nil) throws -> Run {
    let id = UUID().uuidString
    let outPath = folder + "/out-\(id)"
    let errPath = folder + "/err-\(id)"
    FileManager.default.createFile(atPath: outPath, contents: nil)
    FileManager.default.createFile(atPath: errPath, contents: nil)
    let process = Process()
    if asNobody && getuid() == 0 {
      // A copy in the sandbox, which nobody can reach wherever the build folder is.
      let copy = folder + "/tsheet-for-nobody"
      if !FileManager.default.fileExists(atPath: copy) {
        try FileManager.default.copyItem(atPath: Self.binary, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
      }
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", copy] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: Self.binary)
      process.arguments = arguments
    }
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = standardOutput ?? FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    try process.run()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus,
      stdout: try String(contentsOfFile: outPath, encoding: .utf8),
      stderr: try String(contentsOfFile: errPath, encoding: .utf8))
  }

  /// Starts `sh -c script` in the sandbox's environment, `$0` the built tsheet and `$1`… `arguments`, its
  /// standard output to `output` when given; the caller waits for it.
  func start(_ script: String, _ arguments: [String] = [], output: Pipe? = nil) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script, Self.binary] + arguments
    process.environment = environment
    if let output {
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
    }
    try process.run()
    return process
  }

  /// Starts `tsheet arguments…` with pipes for its standard input, output and error; the caller feeds, drains
  /// and waits for it (`Launched.finish`).
  func launch(_ arguments: [String]) throws -> Launched {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = arguments
    process.environment = environment
    let launched = Launched(process: process, input: Pipe(), output: Pipe(), error: Pipe())
    process.standardInput = launched.input
    process.standardOutput = launched.output
    process.standardError = launched.error
    try process.run()
    return launched
  }

  /// A `tsheet` that `launch` started.
  struct Launched {
    let process: Process
    let input: Pipe, output: Pipe, error: Pipe

    /// Closes its standard input, reads its output to the end and waits at most `timeout` seconds for it to
    /// end (it is killed then): its status (nil when killed), standard error, and the seconds it took.
    func finish(timeout: TimeInterval) throws -> (status: Int32?, stderr: String, seconds: TimeInterval) {
      let started = Date()
      try input.fileHandleForWriting.close()
      let reader = output.fileHandleForReading
      let drain = Thread { _ = reader.readDataToEndOfFile() }
      drain.start()
      while process.isRunning, Date().timeIntervalSince(started) < timeout { Thread.sleep(forTimeInterval: 0.05) }
      let killed = process.isRunning
      if killed { kill(process.processIdentifier, SIGKILL) }  // the test runner's threads block SIGTERM, and pass that on
      process.waitUntilExit()
      let stderr = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      return (killed ? nil : process.terminationStatus, stderr, Date().timeIntervalSince(started))
    }
  }

  /// Runs `sh -c script` as `start` does and waits for it: its status and standard output.
  func shell(_ script: String, _ arguments: [String] = []) throws -> (status: Int32, output: String) {
    let output = Pipe()
    let process = try start(script, arguments, output: output)
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// Runs `tsheet arguments…` and expects it to succeed, returning its standard output.
  func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let run = try run(arguments)
    #expect(run.status == 0, "tsheet \(arguments) failed: \(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr == "", sourceLocation: sourceLocation)
    return run.stdout
  }

  /// Runs `tsheet arguments…`, expects it to fail with `status` and exactly the one stderr line `error`,
  /// and expects the log to read the same afterwards as before.
  func refuse(
    _ arguments: [String], status: Int32, error: String, asNobody: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let before = try snapshot()
    let run = try run(arguments, asNobody: asNobody)
    #expect(run.status == status, "tsheet \(arguments)", sourceLocation: sourceLocation)
    #expect(run.stderr == "Error: \(error)\n", sourceLocation: sourceLocation)
    #expect(run.stdout == "", sourceLocation: sourceLocation)
    #expect(try snapshot() == before, "the log changed", sourceLocation: sourceLocation)
  }

  /// Everything the log holds, as JSON, or nil when there is no database file yet.
  func snapshot() throws -> String? {
    guard FileManager.default.fileExists(atPath: databasePath) else { return nil }
    let run = try run(["list", "--format", "json", "--limit", "0"])
    return run.status == 0 ? run.stdout : "unreadable: \(run.stderr)"
  }

  func write(_ text: String, to path: String) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }
}
