import Foundation
import Testing
import TsheetTestSupport

/// Whether openpyxl, the independent reader the workbook tests use, is there; CI installs it.
private let hasOpenpyxl = ProcessInfo.processInfo.environment["CI"] != nil
    || (try? RealPrograms.run("/usr/bin/env", ["python3", "-c", "import openpyxl"]).status) == 0

/// The .xlsx workbook read back as a spreadsheet sees it (openpyxl): typed cells, the frozen header with its
/// filter, the pivot equal to `report`, the chart; and opened in LibreOffice.
@Suite(.enabled(if: hasOpenpyxl, "needs openpyxl (pip install openpyxl); CI installs it"))
struct WorkbookTests {
    let sandbox: Sandbox

    init() throws {
        sandbox = try Sandbox()
        try sandbox.configure("[clients.acme]\nrounding = \"15m\"\n")
        _ = try sandbox.succeed(["log", "Fixed SSO login", "1h40m", "-c", "acme", "--date", "2026-10-30"])
        _ = try sandbox.succeed(["log", "=HYPERLINK(\"http://evil.example\",\"click\")", "45m", "-c", "acme",
                                 "--date", "2026-11-17", "-d", "Línea 1\nhttps://sharepoint.example/sites/it/" + String(repeating: "x", count: 150)])
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
        #expect(entries["filter"] as? String == "A1:K4")
        let rows = cells(entries)
        #expect(rows[0].map { $0?[1] as? String } == ["id", "date", "week", "month", "year", "client", "title",
                                                        "description", "minutes", "hours", "person"])
        for row in rows.dropFirst() {
            #expect(row.map { $0?[0] as? String ?? "" } == ["n", "d", "s", "s", "n", "s", "s", row[7] == nil ? "" : "s", "n", "n", "s"])
            #expect(row[1]?[2] as? String == "yyyy-mm-dd")
            #expect(row[9]?[2] as? String == "0.00")
        }
        #expect(rows[1].prefix(5).map { "\($0?[1] ?? "")" } == ["1", "2026-10-30", "2026-W44", "2026-10", "2026"])
        #expect(rows[2][6]?[1] as? String == "=HYPERLINK(\"http://evil.example\",\"click\")", "a formula stays text")
        #expect(rows[2][7]?[3] as? Bool == true, "descriptions wrap")
        #expect((rows[2][7]?[1] as? String)?.hasPrefix("Línea 1\nhttps://") == true)
        #expect(rows[3][8]?[1] as? Int == 120 && rows[3][9]?[1] as? Double == 2)
        #expect(rows[3][5]?[1] as? String == "Cafés Núñez" && rows[3][6]?[1] as? String == "Instalación, \"TPV\"")
    }

    /// The second sheet holds the figures `report --by month --rows client` gives, billed (acme's 1:40 rounded
    /// up to 1:45), with totals, and a stacked column chart with a series per client.
    @Test func thePivotSheetIsTheReportWithItsChart() throws {
        let path = sandbox.folder + "/entries.xlsx"
        _ = try sandbox.succeed(["export", "--format", "xlsx", "-o", path])
        let pivot = try #require(try read(path).last)
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
            #expect(rows[index + 1].dropFirst().map(minutes) == columns.map { expected[$0] ?? 0 } + [row["total"] as? Int ?? -1])
        }
        let totals = report["totals"] as? [String: Int] ?? [:]
        #expect(rows.last?.dropFirst().map(minutes) == columns.map { totals[$0] ?? 0 } + [report["total"] as? Int ?? -1])
        #expect(rows[1].dropFirst().map(minutes).last == 150, "acme billed: 1:45 + 0:45")
        let charts = pivot["charts"] as? [[String: Any]] ?? []
        #expect(charts.count == 1)
        #expect(charts.first?["grouping"] as? String == "stacked")
        #expect(charts.first?["series"] as? Int == 2)
        #expect(charts.first?["title"] as? String == "Hours by month")
    }

    @Test func aReportIsOneSheetWithItsChartAndSpanishWordsInSpanish() throws {
        let path = sandbox.folder + "/report.xlsx"
        _ = try sandbox.succeed(["report", "--by", "week", "--rows", "client,title", "--format", "xlsx", "--lang", "es",
                                 "-o", path])
        let sheets = try read(path)
        #expect(sheets.count == 1)
        #expect(sheets[0]["title"] as? String == "Horas por semana")
        let rows = cells(sheets[0])
        #expect(rows[0].prefix(3).map { $0?[1] as? String } == ["cliente", "título", "2026-W44"])
        #expect(rows.count == 5, "three rows and the totals")
        #expect((sheets[0]["charts"] as? [[String: Any]])?.first?["series"] as? Int == 3)
        let totals = try read(sandbox.folder + "/totals.xlsx", after: ["report", "--by", "none", "--format", "xlsx"])
        #expect((totals[0]["charts"] as? [[String: Any]])?.first?["grouping"] as? String == "clustered")
        let spanish = try read(sandbox.folder + "/es.xlsx", after: ["export", "--format", "xlsx", "--lang", "es"])
        #expect(spanish.map { $0["title"] as? String } == ["Registros", "Horas por mes"])
        #expect(cells(spanish[0])[0].map { $0?[1] as? String }
            == ["id", "fecha", "semana", "mes", "año", "cliente", "título", "descripción", "minutos", "horas", "persona"])
    }

    func read(_ path: String, after arguments: [String]) throws -> [[String: Any]] {
        _ = try sandbox.succeed(arguments + ["-o", path])
        return try read(path)
    }

    @Test func aDescriptionLongerThanACellHoldsIsCutWithAnEllipsis() throws {
        _ = try sandbox.succeed(["log", "Long notes", "1h", "-c", "acme", "-d", String(repeating: "ñ", count: 40_000)])
        let rows = cells(try read(sandbox.folder + "/long.xlsx", after: ["export", "--format", "xlsx", "--search", "long"])[0])
        let text = try #require(rows[1][7]?[1] as? String)
        #expect(text.count == 32_767 && text.hasSuffix("ñ…"))
    }

    @Test func aWorkbookIsNeverWrittenOntoATerminalButGoesIntoAPipe() throws {
        let piped = sandbox.folder + "/piped.xlsx"
        let run = try sandbox.run(["export", "--format", "xlsx", "-o", "-"], standardOutput: FileHandle(forWritingAtPath: {
            FileManager.default.createFile(atPath: piped, contents: nil)
            return piped
        }())!)
        #expect(run.status == 0)
        #expect(try read(piped).count == 2)
        let script = "'\(Sandbox.binary)' export --format xlsx; echo \"status $?\""
        let terminal = try RealPrograms.run("/usr/bin/script", ["-q", "-e", "-c", script, "/dev/null"],
                                            environment: sandbox.environment.merging(["SHELL": "/bin/sh"]) { $1 })
        #expect(terminal.output.contains("Error: an .xlsx workbook is binary, not for the terminal; write it to a file with -o FILE.xlsx (or into a pipe)."))
        #expect(terminal.output.contains("status 64"))
        #expect(!terminal.output.contains("PK"))
    }

    /// More entries than a sheet holds: one line that says what to do, before anything is written.
    @Test(.enabled(if: RealPrograms.canRun("/usr/bin/sqlite3"), "needs the sqlite3 shell; CI installs it"))
    func moreEntriesThanASheetHoldsIsRefusedBeforeAnythingIsWritten() throws {
        let (status, _) = try RealPrograms.run("/usr/bin/sqlite3", [sandbox.databasePath, """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1048573)
            INSERT INTO entry (client_id, title, day, minutes) SELECT 1, 'Row ' || i, '2026-11-01', 30 FROM n
            """])
        #expect(status == 0)
        let path = sandbox.folder + "/big.xlsx"
        try sandbox.write("my earlier workbook", to: path)
        let run = try sandbox.run(["export", "--format", "xlsx", "-o", path]) // no `refuse`: it would list a million
        #expect(run.status == 65)
        #expect(run.stderr == "Error: 1048576 entries are more than a sheet holds (1048575); narrow the range (--year, --from, --to, -c) or export as CSV.\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my earlier workbook")
        _ = try sandbox.succeed(["rm", "1"])
        #expect(try sandbox.succeed(["export", "--format", "xlsx", "--month", "2026-10", "-o", path]) == "")
    }

    /// LibreOffice, as a user's spreadsheet, reads the entries back row for row.
    @Test(.enabled(if: RealPrograms.canRun(RealPrograms.libreOffice), "needs LibreOffice; CI installs it"))
    func libreOfficeReadsTheEntriesBackRowForRow() throws {
        let path = sandbox.folder + "/lo.xlsx"
        _ = try sandbox.succeed(["export", "--format", "xlsx", "-o", path])
        let (status, _) = try RealPrograms.run(RealPrograms.libreOffice, [
            "-env:UserInstallation=file://\(sandbox.folder)/libreoffice", "--headless",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033", "--outdir", sandbox.folder + "/lo", path])
        #expect(status == 0)
        let csv = try String(contentsOfFile: sandbox.folder + "/lo/lo.csv", encoding: .utf8)
        let script = "import csv, json, sys; print(json.dumps([r[0] for r in csv.reader(open(sys.argv[1], newline=''))]))"
        let ids = { (file: String) in try runPython(script, [file]) }
        let ours = sandbox.folder + "/ours.csv"
        _ = try sandbox.succeed(["export", "--format", "csv", "-o", ours])
        #expect(try ids(sandbox.folder + "/lo/lo.csv") == ids(ours))
        #expect(csv.hasPrefix("id,date,week,month,year,client,title,description,minutes,hours,person\n1,2026-10-30,2026-W44,2026-10,2026,acme,Fixed SSO login,,100,1.67,ana\n"))
        #expect(csv.contains("\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""))
        #expect(csv.contains("3,2026-11-18,2026-W47,2026-11,2026,Cafés Núñez,\"Instalación, \"\"TPV\"\"\",,120,2.00,ana"))
    }
}
