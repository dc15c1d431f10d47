import Foundation
import Testing

/// The bytes an import reads, as they really come: files without a last line break, pipes that cannot seek, and
/// text that is not UTF-8 (a Windows spreadsheet's). Every run goes through the built binary.
@Suite struct ImportInputTests {
  let sandbox: Sandbox

  init() throws { sandbox = try .forImports() }

  /// Runs `bash -c script` in the sandbox's environment, `$0` the built tsheet and `$1`… `arguments`.
  func bash(_ script: String, _ arguments: [String] = []) throws -> Sandbox.Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script, Sandbox.binary] + arguments
    process.environment = sandbox.environment
    let output = sandbox.folder + "/bash-out"
    let errors = sandbox.folder + "/bash-err"
    FileManager.default.createFile(atPath: output, contents: nil)
    FileManager.default.createFile(atPath: errors, contents: nil)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle(forWritingAtPath: output)
    process.standardError = FileHandle(forWritingAtPath: errors)
    try process.run()
    process.waitUntilExit()
    return Sandbox.Run(
      status: process.terminationStatus, stdout: try String(contentsOfFile: output, encoding: .utf8),
      stderr: try String(contentsOfFile: errors, encoding: .utf8))
  }

  /// A tsheet CSV of about `size` bytes whose last row ends without a line break.
  func csvWithoutLastLineBreak(size: Int) -> (text: String, rows: Int) {
    var text = "date,client,title,minutes\n"
    var rows = 0
    while text.utf8.count < size {
      rows += 1
      text += "2026-11-\(10 + rows % 10),acme,Task number \(rows) of a long export,\(rows % 90 + 1)\n"
    }
    return (String(text.dropLast()), rows)
  }

  @Test(arguments: [1_500_000, 2_000_000, 2_090_000, 3_500_000])
  func aCSVWithoutItsLastLineBreakImportsWhole(size: Int) throws {
    let (text, rows) = csvWithoutLastLineBreak(size: size)
    let path = try sandbox.file("export.csv", Array(text.utf8))
    #expect(try sandbox.succeed(["import", path]) == "Imported \(rows) entries from tsheet (acme \(rows)).\n")
  }

  @Test func aPipeGivenByItsPathLosesNoByte() throws {
    let csv = try sandbox.file(
      "hours.csv", Array("date,client,title,minutes\n2026-11-20,acme,Fixed SSO login,30\n".utf8))
    let json = try sandbox.file(
      "hours.json",
      Array(
        """
        [{"date":"2026-11-21","client":"globex","title":"Backup test","minutes":45}]
        """.utf8))
    let fifo = sandbox.folder + "/fifo"
    for (script, added) in [
      ("cat \"$1\" | \"$0\" import /dev/stdin", "Imported 1 entry from tsheet (acme 1).\n"),
      ("\"$0\" import <(cat \"$2\")", "Imported 1 entry from tsheet (globex 1).\n"),
      (
        "mkfifo \"$3\" && { cat \"$2\" > \"$3\" & } && \"$0\" import \"$3\" --dry-run",
        "Would import 0 entries from tsheet; 1 already in the log, skipped.\n"
      ),
    ] {
      let run = try bash(script, [csv, json, fifo])
      #expect(run.stderr == "", "\(script)")
      #expect(run.stdout == added, "\(script)")
    }
    #expect(try sandbox.succeed(["list", "--format", "csv", "--limit", "0"]).contains(",acme,Fixed SSO login,,30,"))
  }

  /// `Cafés Núñez,Café` as Excel on Windows saves it.
  static let windows1252: [UInt8] =
    Array("date,client,title,minutes\n2026-11-20,Caf".utf8) + [0xE9]
    + Array("s N".utf8) + [0xFA, 0xF1] + Array("ez,\"Caf".utf8) + [0xE9] + Array("\nwith \"\"menu\"\" ".utf8)
    + [0x80] + Array("\",30\n".utf8)

  @Test func textThatIsNotUTF8IsRefusedWithItsLineAndByte() throws {
    let path = try sandbox.file("excel.csv", Self.windows1252)
    try sandbox.refuse(
      ["import", path], status: 65,
      error: "excel.csv line 2: byte offset 40 (0xE9) is not UTF-8; "
        + "give the file's encoding (--encoding windows-1252 for Excel on Windows, or latin1) or convert it "
        + "(iconv -f windows-1252 -t utf-8); nothing was imported.")
    let json = try sandbox.file(
      "excel.json",
      Array("[{\"date\":\"2026-11-20\",\"client\":\"acme\",\n\"title\":\"Caf".utf8)
        + [0xE9] + Array("\",\"minutes\":30}]".utf8))
    try sandbox.refuse(
      ["import", json], status: 65,
      error: "excel.json line 2: byte offset 51 (0xE9) is not UTF-8; "
        + "give the file's encoding (--encoding windows-1252 for Excel on Windows, or latin1) or convert it "
        + "(iconv -f windows-1252 -t utf-8); nothing was imported.")
  }

  @Test func anEncodingGivenReadsEveryAccent() throws {
    let path = try sandbox.file("excel.csv", Self.windows1252)
    #expect(
      try sandbox.succeed(["import", path, "--encoding", "windows-1252"])
        == "Imported 1 entry from tsheet (Cafés Núñez 1).\n")
    #expect(try sandbox.succeed(["list", "--format", "csv"]).contains("Cafés Núñez,\"Café with \"\"menu\"\" €\""))
    let latin1 = try sandbox.file(
      "latin1.json",
      Array("[{\"date\":\"2026-11-20\",\"client\":\"Se".utf8) + [0xF1]
        + Array("or\",\"title\":\"A".utf8) + [0xF1, 0x6F] + Array("\",\"minutes\":30}]".utf8))
    #expect(
      try sandbox.succeed(["import", latin1, "--encoding", "latin1"]) == "Imported 1 entry from tsheet (Señor 1).\n")
    try sandbox.refuse(
      ["import", latin1, "--encoding", "ebcdic"], status: 64,
      error: "The value 'ebcdic' is invalid for '--encoding <encoding>'. Please provide one of "
        + "'utf-8', 'windows-1252' or 'latin1'. (see 'tsheet import --help')")
  }
}
