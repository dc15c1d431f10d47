import Foundation
import Testing

/// One rule for each thing an import decides, whichever format brings it: which ids are kept, what tsheet's own
/// `--excel` files mean, and how the rows already there are counted.
@Suite struct ImportRulesTests {
  let sandbox: Sandbox

  init() throws { sandbox = try .forImports() }

  @Test(arguments: ["0", "-7", "1.5", "\"x\"", "99999999999999999999", "1000000000000"])
  func anIdThatIsNoEntryIdIsRefusedInJSONAsInCSV(id: String) throws {
    let json = try sandbox.file(
      "ids.json",
      """
      [{"id":3,"date":"2026-11-20","client":"acme","title":"Kept","minutes":30},
       {"id":\(id),"date":"2026-11-20","client":"acme","title":"Call","minutes":30}]
      """)
    let written = id.replacing("\"", with: "")
    let read = written.count > 18 ? "1e+20" : written  // JSON numbers past an Int64 are read as doubles
    try sandbox.refuse(
      ["import", json], status: 65,
      error: "ids.json element 2, field 'id': '\(read)' is not an "
        + "entry id; ids are whole numbers from 1 to 999999999999 (leave it out for a new entry); nothing was imported."
    )
    let csv = try sandbox.file(
      "ids.csv", "id,date,client,title,minutes\n3,2026-11-20,acme,Kept,30\n\(written),2026-11-20,acme,Call,30\n")
    try sandbox.refuse(
      ["import", csv], status: 65,
      error: "ids.csv line 3, field 'id': '\(written)' is not an "
        + "entry id; ids are whole numbers from 1 to 999999999999 (leave it out for a new entry); nothing was imported."
    )
  }

  @Test func aLogsExcelExportComesBackAsItWasLogged() throws {
    // Cells a spreadsheet would run, and cells that already look made inert, brought in as they are.
    let titles = ["=1+1", "+34 600 000 000", "-2", "@here", "'=quoted", "''=twice", "'plain", "Plain"]
    let rows =
      titles.map { title in
        "{\"date\":\"2026-11-20\",\"client\":\"acme\",\"title\":\"\(title.replacing("\t", with: "\\t"))\",\"minutes\":30}"
      } + [
        "{\"date\":\"2026-11-20\",\"client\":\"=HYPERLINK(1)\",\"title\":\"Call\",\"description\":\"-minus first\\nthen more\","
          + "\"minutes\":30,\"person\":\"@ana\"}"
      ]
    _ = try sandbox.succeed(["import", try sandbox.file("typed.json", "[" + rows.joined(separator: ",\n") + "]")])
    let logged = try sandbox.succeed(["export", "--format", "json"])
    #expect(logged.contains("\"title\":\"=1+1\""))
    for language in ["en", "es"] {
      let path = sandbox.folder + "/excel-\(language).csv"
      _ = try sandbox.succeed(["export", "--excel", "--lang", language, "-o", path])
      #expect(try String(contentsOfFile: path, encoding: .utf8).contains("'=1+1"))
      var empty = sandbox
      empty.environment["TSHEET_DB"] = sandbox.folder + "/\(language).sqlite"
      _ = try empty.succeed(["import", path])
      #expect(try empty.succeed(["export", "--format", "json"]) == logged, "\(language)")
    }
  }

  @Test func aSpreadsheetsOwnApostrophesAreText() throws {
    let typed = try sandbox.file("typed.csv", "\u{FEFF}date,client,title,minutes\r\n2026-11-20,acme,'=1+1,30\r\n")
    _ = try sandbox.succeed(["import", typed])
    #expect(try sandbox.succeed(["list", "--format", "csv"]).contains(",acme,'=1+1,,30,"))
  }

  @Test func aBackupBroughtBackAfterARemovalCountsWhatTheLogHolds() throws {
    let backup = try sandbox.file(
      "backup.csv",
      """
      date,client,title,minutes
      2026-11-16,acme,Fixed SSO login,90
      2026-11-17,acme,Call,30
      2026-11-17,acme,Call,30
      2026-11-18,globex,Backup test,45
      2026-11-19,globex,Release,60

      """)
    #expect(try sandbox.succeed(["import", backup]) == "Imported 5 entries from tsheet (acme 3, globex 2).\n")
    _ = try sandbox.succeed(["rm", "4"])
    _ = try sandbox.succeed(["edit", "6", "--minutes", "61"])
    #expect(
      try sandbox.succeed(["import", backup]) == "Imported 0 entries from tsheet; 3 already in the log and "
        + "2 removed or changed since an earlier import, skipped.\n")
    #expect(
      try sandbox.succeed(["import", backup, "--dry-run"]) == "Would import 0 entries from tsheet; 3 already "
        + "in the log and 2 removed or changed since an earlier import, skipped.\n")
  }
}
