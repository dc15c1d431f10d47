import PropertyBased
import Testing
import TsheetCore
import TsheetTestSupport

/// Every parser of what people type, fed arbitrary and extreme text: it answers with a value inside its domain
/// or with its own error, whose message is one line of printable text, short enough to read.
@Suite struct HostileInputTests {
  /// Any day of the calendar tsheet keeps, its ends included.
  let anyDay = Gen.frequency(
    (1, Gen.element(of: [CalendarDay.firstSupported, .lastSupported]).map { $0! }),
    (
      3,
      Gen.int(in: CalendarDay.firstSupported.dayNumber...CalendarDay.lastSupported.dayNumber)
        .map(CalendarDay.init(dayNumber:))
    ))

  /// Runs `parse`, and expects a value that `valid` accepts, or a `UserError` with a readable message.
  func expect<T>(_ parse: () throws -> T, valid: (T) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
      let value = try parse()
      #expect(valid(value), "\(value)", sourceLocation: sourceLocation)
    } catch let error as any UserError {
      expectReadable(error, sourceLocation: sourceLocation)
    } catch {
      Issue.record("not a UserError: \(error)", sourceLocation: sourceLocation)
    }
  }

  /// The columns a report page counts before refusing a range are exactly the ones the pivot would make, for
  /// any range of up to about three years, in any period, with the week starting on any day.
  @Test func aPeriodsColumnCountIsItsKeysCount() async {
    let span = Gen.int(in: 0...1_100)
    await propertyCheck(count: 500, input: anyDay, span, Gen.element(of: Period.allCases), Gen.int(in: 1...7)) {
      first, span, period, start in
      guard let period, let weekStart = Weekday(rawValue: start) else { return }
      let last = CalendarDay(dayNumber: min(first.dayNumber + span, CalendarDay.lastSupported.dayNumber))
      let range = DayRange(first: first, last: last)
      #expect(
        period.columnCount(covering: range, weekStart: weekStart)
          == period.keys(covering: range, weekStart: weekStart).count, "\(period) \(range)")
    }
  }

  func expectReadable(_ error: any UserError, sourceLocation: SourceLocation = #_sourceLocation) {
    let message = error.description
    #expect(!message.containsControlCharacters, "\(message)", sourceLocation: sourceLocation)
    #expect(message.count < 400, sourceLocation: sourceLocation)
  }

  @Test func durationsAreOneEntryLongOrRefused() async {
    await propertyCheck(count: 2000, input: HostileText.strings()) { text in
      expect({ try Minutes(parsing: text) }, valid: { (1...1440).contains($0.value) })
    }
  }

  @Test func daysAreInsideTheCalendarOrRefused() async {
    await propertyCheck(count: 1000, input: HostileText.strings(), anyDay) { text, today in
      expect({ try DateWord.day(parsing: text, today: today) }, valid: \.isSupported)
    }
  }

  @Test func rangesAreInsideTheCalendarOrRefused() async {
    let words = Gen.oneOf(HostileText.strings(), Gen.element(of: ["last", "this", "yesterday", "mon"]).map { $0! })
    await propertyCheck(count: 1000, input: words, anyDay, Gen.int(in: 1...7)) { text, today, start in
      let weekStart = Weekday(rawValue: start)!
      let valid = { (range: DayRange) in range.first.isSupported && range.last.isSupported && range.first <= range.last
      }
      expect({ try RangeWord.week(parsing: text, today: today, startingOn: weekStart) }, valid: valid)
      expect({ try RangeWord.month(parsing: text, today: today) }, valid: valid)
      expect({ try RangeWord.year(parsing: text, today: today) }, valid: valid)
    }
  }

  @Test func entryFieldsHoldNoControlCharacters() async {
    await propertyCheck(count: 1000, input: HostileText.strings()) { text in
      if let client = try? EntryField.client(text) { #expect(!client.containsControlCharacters && !client.isEmpty) }
      if let title = try? EntryField.title(text) { #expect(!title.containsControlCharacters && !title.isEmpty) }
      if let description = try? EntryField.description(text) {
        let kept: Set<Unicode.Scalar> = ["\n", "\r", "\t"]
        #expect(
          !String(String.UnicodeScalarView(description.unicodeScalars.filter { !kept.contains($0) }))
            .containsControlCharacters)
      }
    }
  }

  @Test func echoedTextIsOneShortPrintableLine() async {
    await propertyCheck(count: 1000, input: HostileText.strings(of: 0...400)) { text in
      let echoed = text.echoed()
      #expect(!echoed.containsControlCharacters)
      #expect(echoed.count <= 60)
    }
    #expect("a\nb\u{1B}[31mc\u{0}".echoed() == "a\\nb\\x1b[31mc\\x00")
    #expect(String(repeating: "x", count: 100_000).echoed() == String(repeating: "x", count: 59) + "…")
  }
}

/// The calendar's ends: what lies beyond 0001-01-01 and 9999-12-31 is refused, never a crash.
@Suite struct CalendarEndsTests {
  func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

  @Test(arguments: [
    ("yesterday", "0001-01-01"), ("sun", "0001-01-01"),
  ])
  func daysBeforeTheFirstAreRefused(word: String, today: String) {
    #expect(throws: DateError.outsideCalendar(word)) { try DateWord.day(parsing: word, today: day(today)) }
  }

  @Test(arguments: [
    ("last", "0001-01-03", Weekday.monday), ("9999-12-31", "2026-11-23", .monday),
    ("this", "9999-12-31", .monday), ("0001-01-03", "2026-11-23", .sunday),
  ])
  func weeksReachingPastAnEndAreRefused(word: String, today: String, start: Weekday) {
    #expect(throws: DateError.outsideCalendar(word)) {
      try RangeWord.week(parsing: word, today: day(today), startingOn: start)
    }
  }

  @Test func monthsAndYearsAtTheEnds() throws {
    #expect(throws: DateError.outsideCalendar("last")) {
      try RangeWord.month(parsing: "last", today: day("0001-01-15"))
    }
    #expect(throws: DateError.outsideCalendar("last")) { try RangeWord.year(parsing: "last", today: day("0001-06-01")) }
    #expect(try RangeWord.year(parsing: "9999", today: day("2026-11-23")).last == day("9999-12-31"))
    #expect(try RangeWord.month(parsing: "9999-12", today: day("2026-11-23")).last == day("9999-12-31"))
  }

  @Test func periodsAndWeeksCountPastTheEndsWithoutTrapping() {
    #expect(
      Period.year.keys(covering: DayRange(first: day("9998-06-01"), last: day("9999-12-31"))) == ["9998", "9999"])
    #expect(Period.month.keys(covering: DayRange(first: day("9999-12-01"), last: day("9999-12-31"))) == ["9999-12"])
    #expect(Period.week.keys(covering: DayRange(first: day("0001-01-01"), last: day("0001-01-07"))) == ["0001-W01"])
    #expect(ISOWeek(containing: day("9999-12-31")).description == "9999-W52")
    #expect(ISOWeek(containing: day("0001-01-01")).description == "0001-W01")
  }
}
