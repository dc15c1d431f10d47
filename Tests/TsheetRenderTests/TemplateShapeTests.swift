import Foundation
import PropertyBased
import Testing
import TsheetCore
import TsheetTestSupport

@testable import TsheetRender

/// Templates a user could write that swift-mustache would recurse on until the stack runs out are refused
/// before it sees them, with the file at fault; a missing partial is an error, not an empty email.
@Suite struct TemplateShapeTests {
  let folder: String

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsheet-templates-\(UUID())").path
    try FileManager.default.createDirectory(atPath: folder + "/en", withIntermediateDirectories: true)
  }

  func write(_ text: String, as name: String) throws {
    try text.write(toFile: "\(folder)/\(name).mustache", atomically: true, encoding: .utf8)
  }

  /// Renders the English week email with the user's folder, and returns the error it fails with.
  func failure() throws -> TemplateError? {
    let view = TimesheetView(sampleTimesheet(), variant: .week, language: .en, sender: "Ana", note: nil)
    do {
      _ = try TemplateSet(overrides: folder).render(view, variant: .week, language: .en)
      return nil
    } catch {
      return error
    }
  }

  @Test func aPartialThatIncludesItselfIsRefused() throws {
    try write("Hello {{> en/week.txt}}", as: "en/week.txt")
    #expect(
      try failure()
        == .recursivePartial(
          file: "\(folder)/en/week.txt.mustache",
          chain: ["en/week.txt", "en/week.txt"]))
    try write("{{> en/b}}", as: "en/a")
    try write("{{#days}}{{> en/a}}{{/days}}", as: "en/b")
    try write("{{> en/a}}", as: "en/week.txt")
    #expect(
      try failure()?.description
        == "\(folder)/en/b.mustache includes itself (en/week.txt > en/a > en/b > en/a); remove the loop.")
    #expect(try TemplateSet.problems(in: folder).count == 3)
  }

  @Test func twentyThousandNestedSectionsAreRefused() throws {
    try write(
      String(repeating: "{{#days}}", count: 20_000) + String(repeating: "{{/days}}", count: 20_000),
      as: "en/week.txt")
    #expect(try failure() == .tooDeep(file: "\(folder)/en/week.txt.mustache"))
    try write(
      "{{=<% %>=}}" + String(repeating: "<%#days%>", count: 60) + String(repeating: "<%/days%>", count: 60),
      as: "en/week.txt")
    #expect(try failure() == .tooDeep(file: "\(folder)/en/week.txt.mustache"))
  }

  @Test func missingAndDynamicPartialsAreRefused() throws {
    try write("Hello {{> en/signature}}", as: "en/week.txt")
    #expect(try failure() == .missingPartial(file: "\(folder)/en/week.txt.mustache", partial: "en/signature"))
    try write("Hello {{>*client}}", as: "en/week.txt")
    #expect(try failure() == .dynamicPartial(file: "\(folder)/en/week.txt.mustache"))
  }

  @Test func partialsThatDoubleAtEachLevelAreRefused() throws {
    for level in 0..<12 { try write("{{> en/p\(level + 1)}}{{> en/p\(level + 1)}}", as: "en/p\(level)") }
    try write("end", as: "en/p12")
    try write("{{> en/p0}}", as: "en/week.txt")
    #expect(try failure() == .tooLarge(file: "\(folder)/en/week.txt.mustache"))
  }

  @Test func aPartialThatExistsRenders() throws {
    try write("Best,\nAna\n", as: "en/signature")
    try write("Hello {{client}}\n{{> en/signature}}", as: "en/week.txt")
    #expect(try failure() == nil)
    #expect(try TemplateSet.problems(in: folder).isEmpty)
  }

  @Test func theBuiltInTemplatesHaveAShapeThatRenders() throws {
    let builtIn = try TemplateSet()  // rendering skips the check for them: it is made here
    for name in DefaultTemplates.files.keys { try builtIn.checkShape(of: name) }
  }

  @Test func checkingAFolderThatIsNotThereFails() {
    #expect(throws: TemplateError.unreadable(path: folder + "/nope")) { try TemplateSet.problems(in: folder + "/nope") }
  }

  @Test func anyTextAsATemplateRendersOrIsRefused() async throws {
    let view = TimesheetView(sampleTimesheet(), variant: .week, language: .en, sender: "Ana", note: nil)
    await propertyCheck(count: 300, input: HostileText.strings(of: 0...30)) { text in
      try? write(text, as: "en/week.txt")
      do {
        _ = try TemplateSet(overrides: folder).render(view, variant: .week, language: .en)
      } catch let error as TemplateError {
        #expect(error.exitStatus == .dataError || error.exitStatus == .noInput)
      } catch {
        Issue.record("not a TemplateError: \(error)")
      }
    }
  }
}
