import Foundation
import Testing

@Suite struct TransferTests {
  let sandbox: Sandbox

  init() throws {
    var sandbox = try Sandbox(today: "2026-11-23")
    sandbox.environment["TZ"] = "UTC"
    self.sandbox = sandbox
    _ = try sandbox.succeed([
      "log", "Fixed \"SSO\", login", "1h30m", "-c", "Cafés Núñez", "--date", "2026-11-16",
      "-d", "Línea 1\nLínea 2, con coma",
    ])
    _ = try sandbox.succeed(["log", "=HYPERLINK(\"x\")", "45m", "-c", "acme", "--date", "2026-11-17"])
    _ = try sandbox.succeed(["log", "Weekly sync", "1h", "-c", "acme", "--date", "2026-11-18"])
  }

  @Test func exportThenImportIntoAnEmptyLogIsExact() throws {
    for format in ["csv", "json", "ndjson"] {
      let path = sandbox.folder + "/all.\(format)"
      _ = try sandbox.succeed(["export", "--format", format, "-o", path])
      var empty = sandbox
      empty.environment["TSHEET_DB"] = sandbox.folder + "/\(format).sqlite"
      #expect(
        try empty.succeed(["import", path])
          == "Imported 3 entries from tsheet (acme 2, Cafés Núñez 1).\n")
      #expect(
        try empty.succeed(["export", "--format", "json"]) == (try sandbox.succeed(["export", "--format", "json"])))
      #expect(
        try empty.succeed(["import", path]) == "Imported 0 entries from tsheet; 3 already in the log, skipped.\n")
    }
  }

  @Test func excelExportIsSafeInASpanishSpreadsheet() throws {
    let path = sandbox.folder + "/excel.csv"
    _ = try sandbox.succeed(["export", "--excel", "--lang", "es", "-o", path])
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(
      String(decoding: bytes.dropFirst(3), as: UTF8.self) == """
        id;date;client;title;description;minutes;hours;person\r
        1;2026-11-16;Cafés Núñez;"Fixed ""SSO"", login";"Línea 1
        Línea 2, con coma";90;"1,50";ana\r
        2;2026-11-17;acme;"'=HYPERLINK(""x"")";;45;"0,75";ana\r
        3;2026-11-18;acme;Weekly sync;;60;"1,00";ana\r

        """)
  }

  @Test func identicalRowsInOneFileAreTwoEntriesButASecondImportAddsNothing() throws {
    let path = try sandbox.file(
      "calls.csv", "date,client,title,minutes\n2026-11-20,globex,Call,30\n2026-11-20,globex,Call,30\n")
    #expect(try sandbox.succeed(["import", path]) == "Imported 2 entries from tsheet (globex 2).\n")
    #expect(
      try sandbox.succeed(["import", path]) == "Imported 0 entries from tsheet; 2 already in the log, skipped.\n")
  }

  @Test func clientMapDryRunAndStandardInput() throws {
    let toggl = try sandbox.file(
      "toggl.csv",
      """
      User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()
      Ana,ana@consult.es,ACME Corp,ERP,,Fixed SSO login,Yes,2026-11-20,09:00:00,2026-11-20,10:30:00,01:30:00,,

      """)
    let before = try sandbox.snapshot()
    #expect(
      try sandbox.succeed(["import", toggl, "--client-map", "acme corp=acme", "--dry-run"])
        == "Would import 1 entry from toggl (acme 1).\n")
    #expect(try sandbox.snapshot() == before)
    var piped = sandbox
    piped.environment["TSHEET_TODAY"] = "2026-11-23"
    let run = try runWithInput(
      ["import", "-", "--format", "timewarrior"],
      input: """
        [{"id":1,"start":"20261120T090000Z","end":"20261120T094500Z","tags":["Backup test","client:globex"]}]
        """)
    #expect(run == "Imported 1 entry from timewarrior (globex 1).\n")
    #expect(try sandbox.succeed(["list", "-c", "globex", "--format", "csv"]).contains(",globex,Backup test,,45,0.75"))
  }

  @Test func malformedFilesChangeNothing() throws {
    let cases: [(String, String, String)] = [
      (
        "quotes.csv", "date,client,title,minutes\n2026-11-20,acme,\"open,30\n",
        "quotes.csv line 2: a quoted field is never closed; close it with \"; nothing was imported."
      ),
      (
        "header.csv", "when,who,what\n2026-11-20,acme,x\n",
        "header.csv line 1: the header 'when,who,what' is not one tsheet reads; expected date, client, title and minutes (or hours), in any order; nothing was imported."
      ),
      (
        "dates.csv", "date,client,title,minutes\n2026-11-20,acme,ok,30\n20/11/2026,acme,x,30\n",
        "dates.csv line 3, field 'date': '20/11/2026' is not a date; write it as YYYY-MM-DD; nothing was imported."
      ),
      (
        "negative.csv", "date,client,title,minutes\r\n2026-11-20,acme,ok,30\n2026-11-21,acme,x,-30\r\n",
        "negative.csv line 3, field 'minutes': '-30' is negative; log the time spent, like 45m, and fix mistakes with 'tsheet edit'; nothing was imported."
      ),
      (
        "bad.json", "[{\"date\": \"2026-11-20\", \"client\": \"acme\"",
        "bad.json line 1: the file is not valid JSON; check its brackets and quotes; nothing was imported."
      ),
    ]
    for (name, text, error) in cases {
      try sandbox.refuse(["import", try sandbox.file(name, text)], status: 65, error: error)
    }
    try sandbox.refuse(
      ["import", sandbox.folder + "/missing.csv"], status: 66,
      error: "cannot read '\(sandbox.folder)/missing.csv'; check the path.")
    let bom = try sandbox.file("bom.csv", "\u{FEFF}date,client,title,minutes\r\n2026-11-20,acme,BOM and CRLF,30\n")
    #expect(try sandbox.succeed(["import", bom]) == "Imported 1 entry from tsheet (acme 1).\n")
  }

  /// Runs tsheet with `input` on its standard input.
  func runWithInput(_ arguments: [String], input: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Sandbox.binary)
    process.arguments = arguments
    process.environment = sandbox.environment
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: output, as: UTF8.self)
  }
}
