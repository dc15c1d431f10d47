import Foundation
import Testing

/// `-o FILE` names the form when `--format` does not: `export -o all.xlsx` writes a workbook, not CSV in a file
/// named .xlsx. A `--format` that contradicts the file name, a form the command does not write, and `.xls` are
/// refused on one line before anything is read or written.
@Suite struct OutputFormatTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try sandbox.configure("[mail]\nfrom = \"Ana <ana@example.com>\"\n")
    _ = try sandbox.succeed(["log", "Fixed SSO login", "1h40m", "-c", "acme", "--date", "2026-11-16"])
    _ = try sandbox.succeed(["clients", "set", "acme", "--to", "it@acme.example"])
  }

  /// The first bytes of the file `name` in the sandbox, written by `tsheet arguments… -o name`.
  func written(_ name: String, by arguments: [String]) throws -> String {
    let path = sandbox.folder + "/" + name
    _ = try sandbox.succeed(arguments + ["-o", path])
    return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)).prefix(15), as: UTF8.self)
  }

  @Test func theFileNameNamesTheForm() throws {
    #expect(try written("all.xlsx", by: ["export"]).hasPrefix("PK\u{3}\u{4}"), "a zip: the workbook")
    #expect(try written("all.JSON", by: ["export"]).hasPrefix("[\n  {"))
    #expect(try written("all.ndjson", by: ["export"]).hasPrefix("{\"id\":1,"))
    #expect(try written("all.csv", by: ["export"]).hasPrefix("id,date,client"))
    #expect(try written("all.data", by: ["export"]).hasPrefix("id,date,client"), "a name of no tsheet form: CSV")
    #expect(try written("r.xlsx", by: ["report", "--week", "2026-W47"]).hasPrefix("PK\u{3}\u{4}"))
    #expect(try written("r.md", by: ["report", "--week", "2026-W47"]).hasPrefix("| client |"))
    #expect(try written("r.csv", by: ["report", "--week", "2026-W47"]).hasPrefix("client,2026-11"))
    #expect(try written("w.html", by: ["week", "-c", "acme", "--week", "2026-W47"]).hasPrefix("<!DOCTYPE html>"))
    #expect(
      try written("w.eml", by: ["week", "-c", "acme", "--week", "2026-W47"]).hasPrefix("X-Unsent: 1\r\nFr"),
      "a draft message")
    #expect(try written("same.csv", by: ["export", "--format", "csv"]).hasPrefix("id,date,client"))
  }

  @Test func aFormatTheFileNameContradictsIsRefused() throws {
    let path = sandbox.folder + "/x.xlsx"
    try sandbox.refuse(
      ["export", "--format", "csv", "-o", path], status: 64,
      error: "'\(path)' names a .xlsx file, not csv; name it .csv, or drop --format. (see 'tsheet export --help')")
    try sandbox.refuse(
      ["report", "--format", "table", "-o", "r.csv"], status: 64,
      error: "'r.csv' names a .csv file, not table; drop --format table. (see 'tsheet report --help')")
    try sandbox.refuse(
      ["export", "-o", "notes.md"], status: 64,
      error: "export writes no .md file; name it .csv, .json, .ndjson or .xlsx. (see 'tsheet export --help')")
    try sandbox.refuse(
      ["week", "-c", "acme", "-o", "w.xlsx"], status: 64,
      error: "week writes no .xlsx file; name it .html or .eml. (see 'tsheet week --help')")
    for command in [["export"], ["report"], ["week", "-c", "acme"]] {
      try sandbox.refuse(
        command + ["-o", "r.xls"], status: 64,
        error: "tsheet writes no .xls (the Excel 97 format); "
          + "name the file .xlsx, which every spreadsheet opens. (see 'tsheet \(command[0]) --help')")
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}
