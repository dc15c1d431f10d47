import Foundation
import Testing
import TsheetTestSupport

/// Whether openpyxl, the independent reader the workbook tests use, is there; CI installs it.
let hasOpenpyxl =
  ProcessInfo.processInfo.environment["CI"] != nil
  || (try? RealPrograms.run("/usr/bin/env", ["python3", "-c", "import openpyxl"]).status) == 0

/// The .xlsx workbook read back as a spreadsheet sees it (openpyxl): typed cells, the frozen header with its
/// filter, the pivot equal to `report`, the chart; and opened in LibreOffice (see also `WorkbookReadingTests`).
@Suite(.enabled(if: hasOpenpyxl, "needs openpyxl (pip install openpyxl); CI installs it"))
struct WorkbookTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    _ = try sandbox.succeed(["log", "Fixed SSO login", "1h40m", "-c", "acme", "--date", "2026-10-30"])
    _ = try sandbox.succeed(["clients", "set", "acme", "--rounding", "15m"])
    _ = try sandbox.succeed([
      "log", "=HYPERLINK(\"http://evil.example\",\"click\")", "45m", "-c", "acme",
      "--date", "2026-11-17", "-d",
      "Línea 1\nhttps://sharepoint.example/sites/it/" + String(repeating: "x", count: 150),
    ])
    _ = try sandbox.succeed(["log", "Instalación, \"TPV\"", "2h", "-c", "Cafés Núñez", "--date", "2026-11-18"])
  }

  /// Every sheet of the workbook at `path`, as `Tests/Support/read_workbook.py` prints it.
  func read(_ path: String) throws -> [[String: Any]] {
    let reader = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../Support/read_workbook.py").standardized.path
    let (status, output) = try RealPrograms.run("/usr/bin/env", ["python3", reader, path])
    #expect(status == 0)
    return try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]] ?? []
  }

  /// The cells of `sheet` as (type, value) pairs, a row a list; nil for an empty cell.
  func cells(_ sheet: [String: Any]) -> [[[Any]?]] {
    (sheet["rows"] as? [[Any]] ?? []).map { row in row.map { $0 as? [Any] } }
  }

  @Test func theEntriesSheetHasTypedCellsUnderAFrozenFilteredHeader() throws {
    let path = sandbox.folder + "/entries.xlsx"
    #expect(try sandbox.succeed(["export", "--format", "xlsx", "-o", path]) == "")
    let sheets = try read(path)
    let entries = try #require(sheets.first)
    #expect(entries["title"] as? String == "Entries")
    #expect(entries["freeze"] as? String == "A2")
    #expect(entries["filter"] as? String == "A1:L4")
    let rows = cells(entries)
    #expect(
      rows[0].map { $0?[1] as? String } == [
        "id", "date", "week", "month", "year", "client", "title",
        "description", "minutes", "hours", "billed", "person",
      ])
    for row in rows.dropFirst() {
      #expect(
        row.map { $0?[0] as? String ?? "" }
          == ["n", "d", "s", "s", "n", "s", "s", row[7] == nil ? "" : "s", "n", "n", "n", "s"])
      #expect(row[1]?[2] as? String == "mm-dd-yy", "the built-in short date (14), shown in the reader's locale")
      #expect(row[9]?[2] as? String == "0.00" && row[10]?[2] as? String == "0.00")
    }
    #expect(rows.dropFirst().map { $0[10]?[1] as? Double } == [1.75, 0.75, 2], "billed: acme rounds up to 15m")
    #expect(rows[1].prefix(5).map { "\($0?[1] ?? "")" } == ["1", "2026-10-30", "2026-W44", "2026-10", "2026"])
    #expect(rows[2][6]?[1] as? String == "=HYPERLINK(\"http://evil.example\",\"click\")", "a formula stays text")
    #expect(rows[2][7]?[3] as? Bool == true, "descriptions wrap")
    #expect((rows[2][7]?[1] as? String)?.hasPrefix("Línea 1\nhttps://") == true)
    #expect(rows[3][8]?[1] as? Int == 120 && rows[3][9]?[1] as? Double == 2)
    #expect(rows[3][5]?[1] as? String == "Cafés Núñez" && rows[3][6]?[1] as? String == "Instalación, \"TPV\"")
  }

  /// The second sheet holds the figures `report --by month --rows client` gives, billed (acme's 1:40 rounded
  /// up to 1:45), with totals; the third, a chart sheet, its stacked column chart with a series per client,
  /// named as the table names the row, its periods as text.
  @Test func thePivotSheetIsTheReportWithItsChart() throws {
    let path = sandbox.folder + "/entries.xlsx"
    _ = try sandbox.succeed(["export", "--format", "xlsx", "-o", path])
    let sheets = try read(path)
    #expect(sheets.map { $0["title"] as? String } == ["Entries", "Hours by month", "Hours by month (chart)"])
    let pivot = sheets[1]
    let json = try sandbox.succeed(["report", "--by", "month", "--rows", "client", "--format", "json"])
    let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let columns = try #require(report["columns"] as? [String])
    #expect(pivot["title"] as? String == "Hours by month")
    let rows = cells(pivot)
    #expect(rows[0].map { $0?[1] as? String } == ["client"] + columns + ["Total"])
    func minutes(_ cell: [Any]?) -> Int { Int(((cell?[1] as? Double) ?? Double(cell?[1] as? Int ?? -1)) * 60 + 0.5) }
    for (index, row) in (report["rows"] as? [[String: Any]] ?? []).enumerated() {
      let expected = row["minutes"] as? [String: Int] ?? [:]
      #expect(rows[index + 1][0]?[1] as? String == row["client"] as? String)
      #expect(
        rows[index + 1].dropFirst().map(minutes) == columns.map { expected[$0] ?? 0 } + [row["total"] as? Int ?? -1])
    }
    let totals = report["totals"] as? [String: Int] ?? [:]
    #expect(rows.last?.dropFirst().map(minutes) == columns.map { totals[$0] ?? 0 } + [report["total"] as? Int ?? -1])
    #expect(rows[1].dropFirst().map(minutes).last == 150, "acme billed: 1:45 + 0:45")
    let charts = sheets[2]["charts"] as? [[String: Any]] ?? []
    #expect(charts.count == 1)
    #expect(charts.first?["grouping"] as? String == "stacked")
    #expect(charts.first?["names"] as? [String] == ["acme", "Cafés Núñez"])
    #expect(charts.first?["title"] as? String == "Hours by month")
    #expect(charts.first?["legend"] as? String == "r", "the legend beside the plot")
    let categories = charts.first?["categories"] as? [String: Any]
    #expect(categories?["kind"] as? String == "text" && categories?["cached"] as? [String] == columns)
  }

  /// A user's own pivot table over the entries sheet, summing `billed` by client and month, gives the figures
  /// of tsheet's pivot sheet, rounding included.
  @Test func theBilledColumnSumsToThePivotSheet() throws {
    _ = try sandbox.succeed(["log", "Call", "7m", "-c", "acme", "--date", "2026-11-02"])
    let sheets = try read(sandbox.folder + "/billed.xlsx", after: ["export", "--format", "xlsx"])
    var sums: [String: Double] = [:]
    for row in cells(sheets[0]).dropFirst() {
      sums["\(row[5]?[1] ?? "")|\(row[3]?[1] ?? "")", default: 0] += row[10]?[1] as? Double ?? .nan
    }
    let pivot = cells(sheets[1])
    let months = pivot[0].dropFirst().dropLast().map { $0?[1] as? String ?? "" }
    var pivoted: [String: Double] = [:]
    for row in pivot.dropFirst().dropLast() {
      for (month, cell) in zip(months, row.dropFirst()) where (cell?[1] as? Double ?? 0) != 0 {
        pivoted["\(row[0]?[1] ?? "")|\(month)"] = cell?[1] as? Double
      }
    }
    #expect(sums.mapValues { ($0 * 60).rounded() } == pivoted.mapValues { ($0 * 60).rounded() })
    #expect(sums["acme|2026-11"] == 1, "45m, and 7m billed as 15m")
  }

  @Test func aReportIsOneSheetWithItsChartAndSpanishWordsInSpanish() throws {
    let path = sandbox.folder + "/report.xlsx"
    _ = try sandbox.succeed([
      "report", "--by", "week", "--rows", "client,title", "--format", "xlsx", "--lang", "es",
      "-o", path,
    ])
    let sheets = try read(path)
    #expect(sheets.map { $0["title"] as? String } == ["Horas por semana", "Horas por semana (gráfico)"])
    let rows = cells(sheets[0])
    #expect(rows[0].prefix(3).map { $0?[1] as? String } == ["cliente", "título", "2026-W44"])
    #expect(rows.count == 5, "three rows and the totals")
    #expect(
      (sheets[1]["charts"] as? [[String: Any]])?.first?["names"] as? [String]
        == [
          "acme · =HYPERLINK(\"http://evil.example\",\"click\")", "acme · Fixed SSO login",
          "Cafés Núñez · Instalación, \"TPV\"",
        ])
    let totals = try read(sandbox.folder + "/totals.xlsx", after: ["report", "--by", "none", "--format", "xlsx"])
    #expect((totals[1]["charts"] as? [[String: Any]])?.first?["grouping"] as? String == "clustered")
    let spanish = try read(sandbox.folder + "/es.xlsx", after: ["export", "--format", "xlsx", "--lang", "es"])
    #expect(spanish.map { $0["title"] as? String } == ["Registros", "Horas por mes", "Horas por mes (gráfico)"])
    #expect(
      cells(spanish[0])[0].map { $0?[1] as? String } == [
        "id", "fecha", "semana", "mes", "año", "cliente",
        "título", "descripción", "minutos", "horas", "facturadas", "persona",
      ])
  }

  func read(_ path: String, after arguments: [String]) throws -> [[String: Any]] {
    _ = try sandbox.succeed(arguments + ["-o", path])
    return try read(path)
  }

  @Test func aDescriptionLongerThanACellHoldsIsCutWithAnEllipsis() throws {
    _ = try sandbox.succeed(["log", "Long notes", "1h", "-c", "acme", "-d", String(repeating: "ñ", count: 40_000)])
    let rows = cells(
      try read(sandbox.folder + "/long.xlsx", after: ["export", "--format", "xlsx", "--search", "long"])[0])
    let text = try #require(rows[1][7]?[1] as? String)
    #expect(text.count == 32_767 && text.hasSuffix("ñ…"))
  }

  @Test func aWorkbookIsNeverWrittenOntoATerminalButGoesIntoAPipe() throws {
    let piped = sandbox.folder + "/piped.xlsx"
    let run = try sandbox.run(
      ["export", "--format", "xlsx", "-o", "-"],
      standardOutput: FileHandle(
        forWritingAtPath: {
          FileManager.default.createFile(atPath: piped, contents: nil)
          return piped
        }())!)
    #expect(run.status == 0)
    #expect(try read(piped).count == 3)
    let script = "'\(Sandbox.binary)' export --format xlsx; echo \"status $?\""
    let terminal = try RealPrograms.run(
      "/usr/bin/script", ["-q", "-e", "-c", script, "/dev/null"],
      environment: sandbox.environment.merging(["SHELL": "/bin/sh"]) { $1 })
    #expect(
      terminal.output.contains(
        "Error: an .xlsx workbook is binary, not for the terminal; write it to a file with -o FILE.xlsx (or into a pipe)."
      ))
    #expect(terminal.output.contains("status 64"))
    #expect(!terminal.output.contains("PK"))
  }

  /// One entry dated far ahead (a typo) spreads the months over more columns than a sheet holds: the entries
  /// are written all the same, the pivot sheet left out with a line that says so; `report` alone refuses.
  @Test func aFarDatedEntryLeavesThePivotOutButNotTheEntries() throws {
    _ = try sandbox.succeed(["log", "Typo", "1h", "-c", "acme", "--date", "3826-05-01"])
    let path = sandbox.folder + "/far.xlsx"
    let run = try sandbox.run(["export", "--format", "xlsx", "-o", path])
    #expect(run.status == 0)
    let columns = (3826 - 2026) * 12 + (5 - 10) + 1 + 2  // the months from 2026-10 to 3826-05, labels and totals
    #expect(
      run.stderr == "Warning: the hours by month were left out of the workbook: from 2026-10 to 3826-05 they "
        + "take \(columns) columns, more than a sheet's 16384; narrow the range (--from, --to) to have them.\n")
    let sheets = try read(path)
    #expect(sheets.map { $0["title"] as? String } == ["Entries"])
    #expect(
      cells(sheets[0]).dropFirst().map { $0[6]?[1] as? String }
        == ["Fixed SSO login", "=HYPERLINK(\"http://evil.example\",\"click\")", "Instalación, \"TPV\"", "Typo"])
    try sandbox.refuse(
      ["report", "--by", "month", "--from", "2026-01-01", "--to", "3826-12-31", "--format", "xlsx", "-o", path],
      status: 65,
      error: "a pivot of \((3826 - 2026 + 1) * 12 + 2) columns is wider than a sheet (16384); pivot by a longer "
        + "period (--by month) or over a shorter range.")
  }

  /// More entries than a sheet holds: one line that says what to do, before anything is written.
  @Test(.enabled(if: RealPrograms.canRun("/usr/bin/sqlite3"), "needs the sqlite3 shell; CI installs it"))
  func moreEntriesThanASheetHoldsIsRefusedBeforeAnythingIsWritten() throws {
    let (status, _) = try RealPrograms.run(
      "/usr/bin/sqlite3",
      [
        sandbox.databasePath,
        """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1048573)
        INSERT INTO entry (client_id, title, day, minutes) SELECT 1, 'Row ' || i, '2026-11-01', 30 FROM n
        """,
      ])
    #expect(status == 0)
    let path = sandbox.folder + "/big.xlsx"
    try sandbox.write("my earlier workbook", to: path)
    let run = try sandbox.run(["export", "--format", "xlsx", "-o", path])  // no `refuse`: it would list a million
    #expect(run.status == 65)
    #expect(
      run.stderr
        == "Error: 1048576 entries are more than a sheet holds (1048575); narrow the range (--year, --from, --to, -c) or export as CSV.\n"
    )
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "my earlier workbook")
    _ = try sandbox.succeed(["rm", "1"])
    #expect(try sandbox.succeed(["export", "--format", "xlsx", "--month", "2026-10", "-o", path]) == "")
  }
}
