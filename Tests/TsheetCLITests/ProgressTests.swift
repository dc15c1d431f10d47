import Foundation
import Testing

/// `script` (bsdutils) runs a command on a pseudo-terminal: the only way to see what tsheet writes to a
/// terminal. CI installs it; elsewhere the tests skip without it.
private let hasScript =
  ProcessInfo.processInfo.environment["CI"] != nil
  || FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

@Suite(.enabled(if: hasScript, "needs script (bsdutils); CI installs it"))
struct ProgressTests {
  let sandbox: Sandbox
  let file: String
  static let rows = 100_000  // progress is reported every 100,000 rows

  init() throws {
    sandbox = try Sandbox()
    file = sandbox.folder + "/big.csv"
    var csv = "date,client,title,minutes\n"
    for row in 0..<Self.rows { csv += "2026-11-\(10 + row % 10),acme,Task \(row),\(1 + row % 600)\n" }
    try sandbox.write(csv, to: file)
  }

  /// Runs `tsheet arguments…` on a terminal of its own; returns everything the terminal showed.
  func onATerminal(_ arguments: [String], database: String) throws -> String {
    let quoted = ([Sandbox.binary] + arguments).map { "'" + $0.replacing("'", with: "'\\''") + "'" }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-q", "-e", "-c", quoted.joined(separator: " "), "/dev/null"]
    process.environment = sandbox.environment.merging(["TSHEET_DB": database, "SHELL": "/bin/sh"]) { $1 }
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(arguments): \(text)")
    return text
  }

  @Test func longImportsAndExportsShowRowsAndRateOnATerminal() throws {
    let database = sandbox.folder + "/a.sqlite"
    let imported = try onATerminal(["import", file], database: database)
    #expect(imported.contains("\rRead 100000 rows, "))
    #expect(imported.contains(" rows/s"))
    #expect(imported.contains("Imported 100000 entries from "))
    let exported = try onATerminal(["export", "-o", sandbox.folder + "/out.csv"], database: database)
    #expect(exported.contains("\rExported 100000 rows, "))
  }

  @Test func quietOrPipedImportsShowNoProgress() throws {
    let quiet = try onATerminal(["import", "--quiet", file], database: sandbox.folder + "/b.sqlite")
    #expect(!quiet.contains("Read "))
    #expect(quiet.contains("Imported 100000 entries"))
    var piped = sandbox
    piped.environment["TSHEET_DB"] = sandbox.folder + "/c.sqlite"
    let run = try piped.run(["import", file])
    #expect(run.status == 0)
    #expect(run.stderr == "", "nothing but errors goes to standard error in a pipe")
  }
}
