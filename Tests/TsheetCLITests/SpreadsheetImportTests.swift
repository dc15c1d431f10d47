import Foundation
import Testing
import TsheetTestSupport

/// The `--excel` CSVs as a consultant opens them: LibreOffice reads them with the options its Text Import dialog
/// ticks by default (tab, comma and semicolon as separators, formulas evaluated) in the file's language, and
/// every row has its eight columns, hours as numbers, and text that looks like a formula as text.
@Suite(
  .enabled(
    if: RealPrograms.canRun(RealPrograms.libreOffice),
    "needs LibreOffice (Debian libreoffice-calc-nogui); CI installs it"))
struct SpreadsheetImportTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    _ = try sandbox.succeed([
      "log", "Fixed \"SSO\", login; VPN\tusers", "1h30m", "-c", "Cafés Núñez", "--date", "2026-11-16",
      "-d", "Línea 1\nLínea 2, con coma;\ty tabulador",
    ])
    _ = try sandbox.succeed([
      "log", "=HYPERLINK(\"http://evil.example\",\"click\")", "45m", "-c", "acme", "--date", "2026-11-17",
    ])
    _ = try sandbox.succeed(["log", "Weekly sync", "1h", "-c", "acme", "--date", "2026-11-18", "-d", "+34 600 000 000"])
  }

  /// The cells LibreOffice reads from `csv`, a row a list, each cell its type and text, or `formula` when it
  /// made one.
  func cells(of csv: String, language: Int) throws -> [[String]] {
    let options = "CSV:9/44/59,34,76,1,,\(language),false,false,false,false,false,-1,true"
    let (status, _) = try RealPrograms.run(
      RealPrograms.libreOffice,
      [
        "-env:UserInstallation=file://\(sandbox.folder)/libreoffice", "--headless", "--infilter=\(options)",
        "--convert-to", "fods", "--outdir", sandbox.folder + "/read", csv,
      ])
    #expect(status == 0)
    let fods =
      sandbox.folder + "/read/" + ((csv as NSString).lastPathComponent as NSString).deletingPathExtension + ".fods"
    let script = """
      import json, sys, xml.etree.ElementTree as ET
      T, O, X = "urn:oasis:names:tc:opendocument:xmlns:table:1.0", "urn:oasis:names:tc:opendocument:xmlns:office:1.0", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
      rows = []
      for row in ET.parse(sys.argv[1]).iter("{%s}table-row" % T):
          cells = []
          for cell in row.findall("{%s}table-cell" % T):
              repeat = min(int(cell.get("{%s}number-columns-repeated" % T, "1")), 8)
              text = "\\n".join("".join(p.itertext()) for p in cell.findall("{%s}p" % X))
              kind = "formula" if cell.get("{%s}formula" % T) else (cell.get("{%s}value-type" % O) or "empty")
              cells += [kind + ":" + text] * repeat
          while cells and cells[-1] == "empty:":
              cells.pop()
          if cells:
              rows.append(cells)
      print(json.dumps(rows))
      """
    return try JSONSerialization.jsonObject(with: Data(try runPython(script, [fods]).utf8)) as? [[String]] ?? []
  }

  @Test(arguments: [("es", 3082), ("en", 1033)])
  func theExportReadsAsEightTypedColumns(language: String, code: Int) throws {
    let csv = sandbox.folder + "/entries-\(language).csv"
    _ = try sandbox.succeed(["export", "--excel", "--lang", language, "-o", csv])
    let rows = try cells(of: csv, language: code)
    #expect(rows.count == 4)
    #expect(rows.allSatisfy { $0.count == 8 }, "\(rows)")
    #expect(rows.dropFirst().map { $0[5] } == ["float:90", "float:45", "float:60"])
    #expect(rows.dropFirst().allSatisfy { $0[6].hasPrefix("float:") }, "hours are numbers: \(rows.map { $0[6] })")
    #expect(rows.dropFirst().map { $0[7] } == ["string:ana", "string:ana", "string:ana"])
    #expect(rows[1][3] == "string:Fixed \"SSO\", login; VPN users")
    #expect(rows[2][3] == "string:'=HYPERLINK(\"http://evil.example\",\"click\")", "a formula stays text")
    #expect(rows[3][4] == "string:'+34 600 000 000")
    #expect(!rows.joined().contains { $0.hasPrefix("formula:") })
  }

  @Test(arguments: [("es", 3082), ("en", 1033)])
  func theReportReadsAsNumbers(language: String, code: Int) throws {
    let csv = sandbox.folder + "/report-\(language).csv"
    let text = try sandbox.succeed([
      "report", "--by", "day", "--week", "2026-W47", "--rows", "client,title",
      "--format", "csv", "--excel", "--lang", language,
    ])
    try sandbox.write(text, to: csv)
    let rows = try cells(of: csv, language: code)
    #expect(rows.count == 5, "a header, three rows and the total")
    #expect(rows.allSatisfy { $0.count == 10 }, "client, title, seven days and the total: \(rows)")
    #expect(rows.dropFirst().allSatisfy { $0.dropFirst(2).allSatisfy { $0.hasPrefix("float:") } })
    #expect(rows.joined().contains("string:'=HYPERLINK(\"http://evil.example\",\"click\")"))
    #expect(rows.last?.last == "float:3.25")
  }
}
