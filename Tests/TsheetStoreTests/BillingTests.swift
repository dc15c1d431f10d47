import PropertyBased
import Testing
import TsheetCore

@testable import TsheetStore

/// Rounding lives in one place, the store's SQL: the email's entries, its month and year to date, and every
/// report bill minutes by the same rule, checked here against the rule's own definition, and against its Swift
/// twin (`Rounding.billed`, the workbook's billed column).
@Suite struct BillingTests {
  /// A log on each engine holding one acme entry of each length from 1 minute to 24 hours, titled by its
  /// minutes, and 7 minutes for globex.
  static let sqlite = filled(.sqlite), postgres = filled(.postgres)

  static func filled(_ engine: Engine) -> any Store {
    let store = try! engine.makeStore()
    _ = try! store.importEntries(dryRun: false) { add in
      for minutes in 1...1440 {
        try add(entry("acme", String(minutes), "2026-11-20", minutes), nil)
      }
      try add(entry("globex", "unrounded", "2026-11-20", 7), nil)
    }
    return store
  }

  static func store(_ engine: Engine) -> any Store { engine == .sqlite ? sqlite : postgres }

  /// What `rule` bills for `minutes`, from its definition: the next multiple of the step, or the nearest
  /// (halves up).
  func billed(_ minutes: Int, _ rule: Rounding) -> Int {
    let steps = Double(minutes) / Double(rule.step.value)
    return Int(rule.mode == .up ? steps.rounded(.up) : steps.rounded(.toNearestOrAwayFromZero)) * rule.step.value
  }

  @Test(arguments: Engine.all, [(1, 15), (14, 15), (15, 15), (16, 30), (60, 60), (61, 75)])
  func upToTheNextStep(engine: Engine, case: (minutes: Int, expected: Int)) throws {
    let (minutes, expected) = `case`
    let rule = BillingRules(["ACME": Rounding(step: 15, mode: .up)])
    let entries = try Self.store(engine).read {
      try $0.entries(matching: EntryFilter(search: "\(minutes)"), billing: rule)
    }
    #expect(entries.first { $0.title == "\(minutes)" }?.minutes == Minutes(expected))
  }

  @Test(arguments: Engine.all, [(1, 0), (7, 0), (8, 15), (22, 15), (23, 30), (52, 45), (53, 60)])
  func toTheNearestStepHalvesUp(engine: Engine, case: (minutes: Int, expected: Int)) throws {
    let (minutes, expected) = `case`
    let rule = BillingRules(["acme": Rounding(step: 15, mode: .nearest)])
    let entries = try Self.store(engine).read {
      try $0.entries(matching: EntryFilter(search: "\(minutes)"), billing: rule)
    }
    #expect(entries.first { $0.title == "\(minutes)" }?.minutes == Minutes(expected))
  }

  @Test(arguments: Engine.all) func everyStepModeAndMinuteBillsByTheRule(engine: Engine) async throws {
    let store = Self.store(engine)
    await propertyCheck(count: 120, input: Gen.int(in: 1...1440), Gen.element(of: Rounding.Mode.allCases)) {
      step, mode in
      let rule = Rounding(step: Minutes(step), mode: mode!)
      let billing = BillingRules(["acme": rule])
      let (entries, cells, sum) = try! store.read { log in
        (
          try log.entries(matching: EntryFilter(client: "acme"), billing: billing),
          try log.pivotCells(matching: EntryFilter(client: "acme"), rows: .title, bucket: .month, billing: billing),
          try log.billedMinutes(matching: EntryFilter(), billing: billing)
        )
      }
      #expect(entries.count == 1440)
      #expect(entries.allSatisfy { $0.minutes.value == billed(Int($0.title)!, rule) }, "entries, step \(step) \(mode!)")
      #expect(
        entries.allSatisfy { $0.minutes == rule.billed(Minutes(Int($0.title)!)) }, "Swift's twin, step \(step) \(mode!)"
      )
      #expect(
        cells.allSatisfy { $0.minutes.value == billed(Int($0.row.title!)!, rule) }, "pivot, step \(step) \(mode!)")
      #expect(sum.value == (1...1440).map { billed($0, rule) }.reduce(0, +) + 7, "the sum; globex's 7 as logged")
    }
  }
}
