import Foundation
import Testing
import TsheetTestSupport

/// The workbook as a person sees it in LibreOffice, printed to PDF and read back with poppler's pdftotext: rows
/// tall enough for their wrapped text with no "optimal height" asked for, text that reads as it was logged,
/// columns as wide as their cells, dates in the reader's locale, charts whose series are named as the table's
/// rows, and a wide pivot that prints readable over several pages.
@Suite(
  .enabled(
    if: RealPrograms.canRun(RealPrograms.libreOffice) && RealPrograms.canRun("/usr/bin/pdftotext"),
    "needs LibreOffice and poppler-utils; CI installs them"))
struct WorkbookReadingTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    _ = try sandbox.succeed(["clients", "set", "acme", "--rounding", "15m"])
  }

  /// Logs `title` for `client`, with `description`.
  func log(
    _ title: String, _ client: String = "acme", date: String = "2026-11-16", _ description: String = "",
    as person: String = "ana"
  ) throws {
    _ = try sandbox.succeed(["log", title, "1h40m", "-c", client, "--date", date, "-d", description, "--as", person])
  }

  /// Each entry's description ends with `ENDn`, and the next row's title is `Rown+1`: in the printed sheet,
  /// each description shows whole and ends above the next row, and no row is more than a few lines too tall.
  @Test func everyRowPrintsItsWrappedTextWholeAboveTheNext() throws {
    let words = "migración del servidor de correo, revisión de copias y configuración del cortafuegos"
    let descriptions = [
      String(repeating: words + " ", count: 4) + "END1",
      "Llamada con Marta\nRevisión del presupuesto\nPedido de licencias\n\nSeguimiento END2",
      "https://sharepoint.example/sites/it/Shared%20Documents/Forms/AllItems.aspx?id="
        + String(repeating: "x", count: 90) + " END3",
      "END4",
      String(repeating: "WWW MMM ", count: 12) + "END5",
      "END6",
    ]
    for (index, description) in descriptions.enumerated() {
      try log("Row\(index + 1)", index == 0 ? "Ayuntamiento de Cáceres" : "acme", description)
    }
    try log("Row7")
    let path = sandbox.folder + "/rows.xlsx"
    _ = try sandbox.succeed(["export", "--format", "xlsx", "-o", path])
    let pdf = try LibreOffice(in: sandbox.folder, locale: "en-US").convert([path], to: "pdf")[0]
    let pages = try LibreOffice.words(ofPDF: pdf)
    let all = pages[0].flatMap { $0 }
    func word(_ text: String) -> PDFWord? { all.first { $0.text == text } }
    let lineHeight = try #require(word("Row1")).bottom - (try #require(word("Row1"))).top
    for row in 1...6 {
      let end = try #require(word("END\(row)"), "the description of row \(row) shows whole")
      let next = try #require(word("Row\(row + 1)"))
      #expect(end.bottom <= next.top + 0.5, "row \(row) ends above the next")
      #expect(next.top - end.bottom < 3 * lineHeight, "row \(row) is not more than a few lines too tall")
    }
    let top = try #require(word("Row1")).top
    #expect(all.contains { $0.text == "Cáceres" && abs($0.top - top) < 0.5 }, "the client's name on one line, whole")
    for text in words.split(separator: " ") { #expect(word(String(text)) != nil, "'\(text)' shows") }
  }

  /// `_x000D_` in a title is text, not a carriage return, in LibreOffice and (read as the standard says) in
  /// openpyxl; and the dates show as the reader's locale writes them (the built-in short date).
  @Test func textReadsAsLoggedAndDatesInTheReadersLocale() throws {
    try log("_x000D_", date: "2026-10-30", "_x0041_ and _X0041_ and _x005F_x0041_")
    let path = sandbox.folder + "/text.xlsx"
    _ = try sandbox.succeed(["export", "--format", "xlsx", "-o", path])
    let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033"
    let english = try String(
      contentsOfFile: try LibreOffice(in: sandbox.folder, locale: "en-US").convert([path], to: filter)[0],
      encoding: .utf8)
    let spanish = try String(
      contentsOfFile: try LibreOffice(in: sandbox.folder, locale: "es-ES").convert([path], to: filter)[0],
      encoding: .utf8)
    let row = ",2026-W44,2026-10,2026,acme,_x000D_,_x0041_ and _X0041_ and _x005F_x0041_,100,"
    #expect(english.hasSuffix("\n1,10/30/2026" + row + "1.67,1.75,ana\n"))
    #expect(spanish.hasSuffix("\n1,30/10/2026" + row + "\"1,67\",\"1,75\",ana\n"))
  }

  /// The chart of each report names its series as the table reads its rows (a person, a client and a person);
  /// past 12 series the chart shows the 11 with the most hours and "The other N"; the periods show as text.
  @Test func chartsNameTheirSeriesAsTheTableReadsItsRows() throws {
    try log("Audit", "acme", as: "ana")
    try log("Audit", "Globex", as: "bob")
    for index in 1...18 { try log("Task \(index)", index.isMultiple(of: 2) ? "acme" : "Globex") }
    let files = [
      "person": ["--rows", "person"], "pair": ["--rows", "client,person"],
      "many": ["--by", "week", "--rows", "client,title"],
    ].map { name, arguments in
      let path = sandbox.folder + "/\(name).xlsx"
      return (name, path, arguments)
    }
    for (_, path, arguments) in files {
      _ = try sandbox.succeed(["report", "--month", "2026-11", "--format", "xlsx", "-o", path] + arguments)
    }
    let pdfs = try LibreOffice(in: sandbox.folder, locale: "en-US").convert(files.map(\.1), to: "pdf")
    var legends: [String: String] = [:]
    for ((name, _, _), pdf) in zip(files, pdfs) {
      let chartPage = try #require(try LibreOffice.words(ofPDF: pdf).last)
      legends[name] = chartPage.map { $0.map(\.text).joined(separator: " ") }.joined(separator: "\n")
    }
    let person = legends["person"] ?? ""
    let pair = legends["pair"] ?? ""
    let many = legends["many"] ?? ""
    #expect(person.contains("ana") && person.contains("bob") && !person.contains("Row"))
    #expect(pair.contains("acme · ana") && pair.contains("Globex · bob") && !pair.contains("Row"))
    #expect(many.contains("The other 9") && many.contains("2026-W47"))
    #expect(many.components(separatedBy: " · ").count - 1 == 11, "eleven series named client · title")
  }

  /// A pivot of 53 weeks prints on several landscape pages, each with the header row and the clients, every
  /// week on one page, at three quarters of its size or more.
  @Test func aWidePivotPrintsReadableOverSeveralPages() throws {
    for month in 1...12 {
      try log("Weekly", "acme", date: String(format: "2026-%02d-07", month))
      try log("Weekly", "Ayuntamiento de Cáceres", date: String(format: "2026-%02d-21", month))
    }
    let path = sandbox.folder + "/wide.xlsx"
    _ = try sandbox.succeed(["report", "--by", "week", "--year", "2026", "--format", "xlsx", "-o", path])
    let pdf = try LibreOffice(in: sandbox.folder, locale: "en-US").convert([path], to: "pdf")[0]
    let pages = try LibreOffice.words(ofPDF: pdf).dropLast()  // the last page is the chart
    #expect(pages.count >= 3)
    var weeks: [String] = []
    for page in pages {
      let words = page.flatMap { $0 }
      #expect(words.contains { $0.text == "client" } && words.contains { $0.text == "Cáceres" }, "labels repeated")
      weeks += words.map(\.text).filter { $0.hasPrefix("2026-W") }
      let header = try #require(words.first { $0.text == "client" })
      let firstRow = try #require(words.first { $0.text == "acme" })
      #expect(firstRow.top - header.top >= 0.75 * 15, "rows of 15 points printed at three quarters or more")
    }
    #expect(weeks == (1...53).map { String(format: "2026-W%02d", $0) })
  }
}
