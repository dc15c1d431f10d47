import Foundation
import Testing
import TsheetCore
import TsheetTestSupport

@testable import TsheetRender

/// A fixed period for acme (by default the week of 16 November 2026): three days worked, a multi-line
/// description, a title that tries HTML, a contract and a rounding rule.
func sampleTimesheet(_ variant: EmailVariant = .week) -> Timesheet {
  let monday = CalendarDay(iso: "2026-11-16")!
  func entry(_ id: Int64, _ day: Int, _ title: String, _ minutes: Int, _ description: String = "") -> Entry {
    Entry(
      id: id, client: "acme", title: title, description: description, day: monday.adding(days: day),
      minutes: Minutes(minutes), person: "ana")
  }
  let entries = [
    entry(1, 0, "Fixed SSO login", 105, "Renewed the IdP certificate.\nUsers on the VPN can sign in again."),
    entry(2, 0, "Weekly sync with IT", 45),
    entry(3, 2, "<script>alert('x')</script> & \"quotes\"", 30, "<b>not bold</b>"),
    entry(4, 4, "ERP upgrade rehearsal", 240, "Restored Friday's backup; migration took 42 min."),
  ]
  let period =
    switch variant {
    case .day: DayRange(first: monday, last: monday)
    case .week: DayRange.week(containing: monday)
    case .month: DayRange.month(containing: monday)
    }
  return Timesheet(
    client: "acme", period: period,
    days: period.days.map { day in Timesheet.Day(day: day, entries: entries.filter { $0.day == day }) },
    monthToDate: 2_850, yearToDate: 24_015,
    contract: ContractStatus(
      client: "acme", month: .month(containing: monday), allowance: 2_400,
      used: 2_850),
    rounding: Rounding(step: 15, mode: .up))
}

@Suite struct TemplateTests {
  let templates: TemplateSet

  init() throws { templates = try TemplateSet() }

  func render(_ language: Language, _ variant: EmailVariant = .week, note: String? = nil) throws -> TemplateSet.Email {
    let view = TimesheetView(
      sampleTimesheet(variant), variant: variant, language: language, sender: "Ana Ruiz",
      note: note)
    return try templates.render(view, variant: variant, language: language)
  }

  @Test(arguments: Language.allCases)
  func weekEmailsMatchTheirGoldenFiles(language: Language) throws {
    let email = try render(language, note: "I'll be on site Thursday to close the ERP upgrade.\n\nSee you then.")
    try expectGolden(email.subject + "\n", named: "week.\(language).subject")
    try expectGolden(email.text, named: "week.\(language).txt")
    try expectGolden(email.html, named: "week.\(language).html")
  }

  @Test(arguments: Language.allCases)
  func dayAndMonthVariantsRender(language: Language) throws {
    for variant in [EmailVariant.day, .month] {
      let email = try render(language, variant)
      try expectGolden(email.subject + "\n" + email.text, named: "\(variant).\(language).txt")
      #expect(email.html.contains(language == .en ? "Best regards" : "Un saludo"))
    }
  }

  @Test func htmlEscapesEverythingFromTheDatabase() throws {
    let html = try render(.en).html
    #expect(!html.contains("<script>"))
    #expect(
      html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")
        || html.contains("&lt;script&gt;alert("))
    #expect(!html.contains("<b>not bold</b>"))
    #expect(try render(.en).text.contains("<script>alert('x')</script> & \"quotes\""), "text stays as typed")
  }

  /// A bidirectional override in text from the log (a note here) cannot turn the email's next words around; a
  /// note's CRLF line breaks, as a browser's form sends them, are line breaks.
  @Test func anOverrideFromTheLogIsReplacedAndCRLFIsALineBreak() throws {
    let email = try render(.en, note: "Hola \u{202E}olleh\u{2066} yes\r\nsecond line\r\n\r\nNext paragraph")
    for part in [email.text, email.html] {
      #expect(!part.unicodeScalars.contains { $0.isBidiControl || $0 == "\r" })
      #expect(part.contains("Hola \u{FFFD}olleh\u{FFFD} yes"))
    }
    #expect(email.text.contains("yes\nsecond line\n\nNext paragraph"))
    #expect(email.html.contains("Next paragraph"))
  }

  @Test func spanishReadsSpanish() throws {
    let email = try render(.es)
    #expect(email.subject == "Parte de horas acme: semana 47, del 16 al 22 de noviembre de 2026")
    #expect(email.text.contains("\nLunes 16 de noviembre: 2,50 h"), "a day heading starts with a capital")
    #expect(email.text.contains("Total de la semana: 7,00 h"))
    for english in ["Hello", "Week total", "Month to date", "Best regards", ">Hours<", ">Day<"] {
      #expect(!email.text.contains(english) && !email.html.contains(english))
    }
  }

  @Test func theBinaryCarriesExactlyTheTemplatesFolder() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../templates")
      .standardized.path
    var files: [String: String] = [:]
    for case let path as String in FileManager.default.enumerator(atPath: folder)! where path.hasSuffix(".mustache") {
      files[String(path.dropLast(".mustache".count))] = try String(contentsOfFile: "\(folder)/\(path)", encoding: .utf8)
    }
    #expect(files.count == 18)
    #expect(files == DefaultTemplates.files, "run scripts/embed-templates.py after editing templates/")
  }

  @Test func userTemplatesOverrideFileByFileAndErrorsSayWhere() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsheet-templates-\(UUID())").path
    try FileManager.default.createDirectory(atPath: folder + "/en", withIntermediateDirectories: true)
    try "Hours for {{uppercased(client)}}: {{total}}{{#note}}, {{text}}{{/note}}{{^note}}.{{/note}}\n"
      .write(toFile: folder + "/en/week.txt.mustache", atomically: true, encoding: .utf8)
    let custom = try TemplateSet(overrides: folder)
    let view = TimesheetView(sampleTimesheet(), variant: .week, language: .en, sender: "Ana", note: nil)
    let email = try custom.render(view, variant: .week, language: .en)
    #expect(email.text == "Hours for ACME: 7.00.\n", "text takes swift-mustache's string transforms")
    #expect(email.subject == "Timesheet acme: week 47, 16–22 November 2026", "other files stay built in")

    try "Hello\n{{#days}}\n{{label}}\n{{/day}}\n".write(
      toFile: folder + "/en/week.html.mustache",
      atomically: true, encoding: .utf8)
    #expect(throws: TemplateError.self) {
      try TemplateSet(overrides: folder).render(view, variant: .week, language: .en)
    }
    let problems = try TemplateSet.problems(in: folder)
    #expect(
      problems.map(\.description) == [
        "\(folder)/en/week.html.mustache line 4, column 4: a section is closed with another name than it was "
          + "opened with; fix the template."
      ])
  }

  @Test func exportWritesEveryDefaultOnce() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsheet-export-\(UUID())").path
    #expect(try TemplateSet.exportDefaults(to: folder).count == 18)
    #expect(try TemplateSet.exportDefaults(to: folder).isEmpty)
    #expect(try TemplateSet.problems(in: folder).isEmpty)
  }
}

@Suite struct LanguageTests {
  func range(_ first: String, _ last: String) -> DayRange {
    DayRange(first: CalendarDay(iso: first)!, last: CalendarDay(iso: last)!)
  }

  @Test func rangesReadNaturally() {
    #expect(Language.en.range(range("2026-11-16", "2026-11-22")) == "16–22 November 2026")
    #expect(Language.es.range(range("2026-11-16", "2026-11-22")) == "del 16 al 22 de noviembre de 2026")
    #expect(Language.en.range(range("2026-11-30", "2026-12-06")) == "30 November – 6 December 2026")
    #expect(
      Language.es.range(range("2026-12-28", "2027-01-03"))
        == "del 28 de diciembre de 2026 al 3 de enero de 2027")
    #expect(Language.en.range(range("2026-11-01", "2026-11-30")) == "November 2026")
    #expect(Language.es.range(range("2026-11-01", "2026-11-30")) == "noviembre de 2026")
    #expect(Language.es.range(range("2026-11-18", "2026-11-18")) == "miércoles 18 de noviembre de 2026")
  }

  @Test func hoursUseTheLanguagesSeparator() {
    #expect(Language.en.hours(Minutes(90)) == "1.50")
    #expect(Language.es.hours(Minutes(90)) == "1,50")
  }
}
