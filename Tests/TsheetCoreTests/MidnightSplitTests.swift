import PropertyBased
import Testing
import TsheetCore

/// The one midnight rule: a span's parts add up to its whole, rounded, whatever length its days have.
@Suite struct MidnightSplitTests {
  @Test func thePartsAddUpToTheRoundedWholeOnDaysOfAnyLength() async {
    // Days of 23, 24 or 25 hours: summer time starting or ending.
    let days = Gen.int(in: 0...2).map { [82_800, 86_400, 90_000][$0] }.array(of: 0...6)
    await propertyCheck(count: 2000, input: Gen.int(in: 0...600_000), Gen.int(in: 1...90_000), days) {
      seconds, first, lengths in
      let midnights = lengths.reduce(into: [first]) { $0.append(($0.last ?? 0) + $1) }
      let firstDay = CalendarDay(iso: "2026-03-28")!
      let parts = MidnightSplit.minutesByDay(from: firstDay, seconds: seconds, midnights: midnights)
      #expect(parts.map(\.minutes.value).reduce(0, +) == max(1, (seconds + 30) / 60))
      #expect(parts.allSatisfy { $0.minutes.value >= 1 })
      #expect(zip(parts, parts.dropFirst()).allSatisfy { $0.day < $1.day })
      let crossed = midnights.count { $0 < seconds }
      #expect(parts.allSatisfy { $0.day >= firstDay && $0.day <= firstDay.adding(days: crossed) })
    }
  }

  @Test func aSpanThatRoundsToNothingCountsAMinuteOnItsFirstDay() {
    let day = CalendarDay(iso: "2026-11-20")!
    #expect(MidnightSplit.minutesByDay(from: day, seconds: 20, midnights: [10]).map(\.minutes.value) == [1])
    #expect(MidnightSplit.minutesByDay(from: day, seconds: 20, midnights: [10]).map(\.day) == [day])
  }
}
