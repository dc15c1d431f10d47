import Foundation
import Testing

/// Every write to standard output is checked, and `-o` writes where the shell's `>` would.
@Suite struct StandardOutputTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try sandbox.configure("[mail]\nfrom = \"Ana Ruiz <ana@example.com>\"\n")  // a signed email
    for day in 16...20 {
      _ = try sandbox.succeed(["log", "Task on the \(day)th", "1h", "-c", "acme", "--date", "2026-11-\(day)"])
    }
  }

  @Test(arguments: [
    ["list"], ["report"], ["week", "-c", "acme"], ["clients"], ["sent"], ["export"],
    ["report", "--format", "csv"], ["--help"], ["log", "--help"], ["--version"],
    ["--generate-completion-script", "bash"],
  ])
  func aFullDiskIsAnIOError(arguments: [String]) throws {
    let run = try sandbox.run(arguments, standardOutput: FileHandle(forWritingAtPath: "/dev/full"))
    #expect(run.status == 74, "\(arguments)")
    #expect(
      run.stderr == "Error: cannot write to standard output: No space left on device; check the disk, the "
        + "folder and its permissions.\n")
  }

  @Test(arguments: [["list"], ["export"], ["report", "--by", "day"]])
  func aReaderThatGoesAwayEndsTheRunQuietly(arguments: [String]) throws {
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()  // `tsheet list | head -0`
    let run = try sandbox.run(arguments, standardOutput: pipe.fileHandleForWriting)
    #expect(run.status == 0)
    #expect(run.stderr == "")
  }

  @Test func exportFollowsASymlinkAndKeepsAPrivateFilePrivate() throws {
    // Named .txt, which names no format: `week -o` a .csv would be refused (OutputFormatTests).
    let target = sandbox.folder + "/private.txt"
    let link = sandbox.folder + "/link.txt"
    FileManager.default.createFile(atPath: target, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600])
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    #expect(try sandbox.succeed(["export", "-o", link]) == "")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("id,date,client"))
    #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
    #expect(try sandbox.succeed(["week", "-c", "acme", "-o", target]) == "")
    #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
  }

  @Test func exportToStandardOutputByItsNames() throws {
    let csv = try sandbox.succeed(["export"])
    #expect(try sandbox.succeed(["export", "-o", "-"]) == csv)
    #expect(try sandbox.succeed(["export", "-o", "/dev/stdout"]) == csv)
  }

  @Test func exportIntoAFIFO() throws {
    let fifo = sandbox.folder + "/pipe"
    #expect(mkfifo(fifo, 0o600) == 0)
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/sh")
    reader.arguments = ["-c", "cat \"$1\" | gzip > \"$1.gz\"", "sh", fifo]
    try reader.run()
    _ = try sandbox.succeed(["export", "-o", fifo])
    reader.waitUntilExit()
    var status = stat()
    lstat(fifo, &status)
    #expect(status.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
    let unzip = Process()
    let output = Pipe()
    unzip.executableURL = URL(fileURLWithPath: "/bin/sh")
    unzip.arguments = ["-c", "gzip -dc \"$1.gz\" | wc -l", "sh", fifo]
    unzip.standardOutput = output
    try unzip.run()
    unzip.waitUntilExit()
    #expect(
      String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(
        in: .whitespacesAndNewlines) == "6")
  }

  @Test func aFolderGivenToOIsRefused() throws {
    try sandbox.refuse(
      ["export", "-o", sandbox.folder], status: 74,
      error: "'\(sandbox.folder)' is a folder; give -o the path of a file.")
  }
}
