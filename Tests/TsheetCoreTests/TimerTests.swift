import PropertyBased
import Testing
import TsheetCore
import TsheetTestSupport

@Suite struct LocalTimeTests {
  /// Any second from 1900 to 2200.
  static let anyTime = Gen.int(
    in: CalendarDay(iso: "1900-01-01")!.dayNumber * 86_400...CalendarDay(iso: "2200-12-31")!.dayNumber * 86_400
  )
  .map { LocalTime(day: CalendarDay(dayNumber: 0), plus: $0) }

  @Test func readsTheFormsTSHEETNOWTakes() {
    let nine = LocalTime(iso: "2026-11-23T09:05")
    #expect(nine?.day == CalendarDay(iso: "2026-11-23") && nine?.second == 9 * 3600 + 5 * 60)
    #expect(LocalTime(iso: "2026-11-23 09:05:30")?.second == 9 * 3600 + 5 * 60 + 30)
    #expect(nine?.isoMinute == "2026-11-23T09:05")
    #expect(nine?.isoSecond == "2026-11-23T09:05:00")
    for bad in [
      "2026-11-23", "2026-11-23T24:00", "2026-11-23T09:60", "2026-11-23T9:05", "2026-02-30T09:00",
      "2026-11-23T09:05:60", "2026-11-23X09:05", "2026-11-23T09-05", "2026-11-23T09:05:3", "",
    ] {
      #expect(LocalTime(iso: bad) == nil, "\(bad)")
    }
  }

  @Test func hostileTextIsATimeThatReadsBackOrNothing() async {
    await propertyCheck(count: 2000, input: HostileText.strings(of: 0...24)) { text in
      if let time = LocalTime(iso: text) {
        #expect(LocalTime(iso: time.isoSecond) == time)
        #expect((0..<86_400).contains(time.second))
      }
    }
  }

  @Test func writtenTimesReadBack() async {
    await propertyCheck(input: Self.anyTime) { time in
      #expect(LocalTime(iso: time.isoSecond) == time)
      #expect(LocalTime(iso: time.isoMinute) == LocalTime(day: time.day, second: time.second / 60 * 60))
    }
  }

  @Test func addingAndCountingSecondsAgree() async {
    await propertyCheck(input: Self.anyTime, Gen.int(in: -10_000_000...10_000_000)) { time, seconds in
      let later = time.adding(seconds: seconds)
      #expect(later.seconds(since: time) == seconds)
      #expect((0..<86_400).contains(later.second))
      #expect((later > time) == (seconds > 0))
    }
  }
}

@Suite struct RunningTimerTests {
  let start = LocalTime(iso: "2026-11-23T23:00")!
  let noLimit = Minutes(1_000_000)

  func timer(at start: LocalTime) -> RunningTimer {
    RunningTimer(client: "acme", title: "Fixed SSO login", description: "IdP", started: start)
  }

  @Test func aTimerAcrossMidnightLogsAnEntryPerDay() throws {
    let entries = try timer(at: start).entries(
      of: "ana", stoppedAt: LocalTime(iso: "2026-11-24T01:30")!, limit: Minutes(720))
    #expect(entries.map(\.day.description) == ["2026-11-23", "2026-11-24"])
    #expect(entries.map(\.minutes.value) == [60, 90])
    #expect(entries.allSatisfy { $0.client == "acme" && $0.title == "Fixed SSO login" && $0.description == "IdP" })
  }

  @Test func elapsedTimeIsRoundedToTheNearestMinuteAndNeverNothing() throws {
    let nine = LocalTime(iso: "2026-11-23T09:00")!
    func logged(after seconds: Int) throws -> [Int] {
      try timer(at: nine).entries(of: "ana", stoppedAt: nine.adding(seconds: seconds), limit: noLimit).map(
        \.minutes.value)
    }
    #expect(try logged(after: 0) == [1])
    #expect(try logged(after: 29) == [1])
    #expect(try logged(after: 89) == [1])
    #expect(try logged(after: 90) == [2])
    #expect(try logged(after: 3600) == [60])
  }

  @Test func theLastSecondsOfADayGoToTheNext() throws {
    let late = timer(at: LocalTime(iso: "2026-11-23T23:59:31")!)
    #expect(
      try late.entries(of: "ana", stoppedAt: late.started, duration: Minutes(1), limit: noLimit).map(\.day.description)
        == ["2026-11-24"])
    #expect(
      try late.entries(of: "ana", stoppedAt: late.started, limit: noLimit).map(\.day.description) == ["2026-11-23"])
  }

  /// Every start and length: the days follow one another from the start, each holds 1 to 1,440 minutes, and
  /// together they hold the rounded length (a length given instead holds exactly).
  @Test func thePartsAlwaysAddUpToTheWhole() async {
    let starts = LocalTimeTests.anyTime
    await propertyCheck(count: 2000, input: starts, Gen.int(in: 0...400_000), Gen.int(in: 1...1440)) {
      start, seconds, given in
      let timer = timer(at: start)
      for (entries, total) in [
        (
          try? timer.entries(of: "ana", stoppedAt: start.adding(seconds: seconds), limit: noLimit),
          max(1, (seconds + 30) / 60)
        ),
        (try? timer.entries(of: "ana", stoppedAt: start, duration: Minutes(given), limit: noLimit), given),
      ] {
        guard let entries else {
          Issue.record("refused")
          continue
        }
        #expect(entries.map(\.minutes.value).reduce(0, +) == total)
        #expect(entries.allSatisfy { (1...1440).contains($0.minutes.value) })
        // The first day is the start's, unless less than half a minute of the span lay on it.
        let onFirstDay = min(total * 60, 86_400 - start.second)
        #expect(entries.first?.day == (onFirstDay < 30 ? start.day.adding(days: 1) : start.day))
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $1.day.dayNumber == $0.day.dayNumber + 1 })
      }
    }
  }

  @Test func aForgottenTimerIsRefusedUnlessTheLengthIsGiven() throws {
    let forgotten = timer(at: LocalTime(iso: "2026-11-23T09:00")!)
    let evening = LocalTime(iso: "2026-11-23T23:30")!
    #expect(throws: TimerError.ranTooLong(Minutes(870), since: forgotten.started, limit: Minutes(720))) {
      try forgotten.entries(of: "ana", stoppedAt: evening, limit: Minutes(720))
    }
    #expect(
      try forgotten.entries(of: "ana", stoppedAt: LocalTime(iso: "2026-11-23T21:00")!, limit: Minutes(720)).count == 1)
    let told = try forgotten.entries(
      of: "ana", stoppedAt: evening, duration: Minutes(450), description: "Told", limit: Minutes(720))
    #expect(told.map(\.minutes.value) == [450] && told[0].description == "Told")
    #expect(throws: TimerError.startedLater(started: forgotten.started, now: LocalTime(iso: "2026-11-23T08:00")!)) {
      try forgotten.entries(of: "ana", stoppedAt: LocalTime(iso: "2026-11-23T08:00")!, limit: Minutes(720))
    }
    #expect(forgotten.elapsed(at: LocalTime(iso: "2026-11-23T08:00")!) == Minutes(0))
  }

  @Test func aListingShowsTheTimerWhenItsFilterWould() {
    let timer = timer(at: start)
    let now = LocalTime(iso: "2026-11-24T00:30")!
    func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }
    #expect(timer.isShown(by: EntryFilter(), at: now))
    #expect(timer.isShown(by: EntryFilter(client: "ACME"), at: now))
    #expect(!timer.isShown(by: EntryFilter(client: "globex"), at: now))
    #expect(timer.isShown(by: EntryFilter(from: day("2026-11-24"), to: day("2026-11-30")), at: now))
    #expect(!timer.isShown(by: EntryFilter(from: day("2026-11-25")), at: now))
    #expect(!timer.isShown(by: EntryFilter(to: day("2026-11-22")), at: now))
    #expect(timer.isShown(by: EntryFilter(search: "sso"), at: now))
    #expect(timer.isShown(by: EntryFilter(search: "idp"), at: now))
    #expect(!timer.isShown(by: EntryFilter(search: "erp"), at: now))
  }
}

@Suite struct WorkweekTests {
  func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }
  /// The week of Monday 2026-11-16, looked at from the Monday after.
  var week: DayRange { DayRange(first: day("2026-11-16"), last: day("2026-11-22")) }
  let today = CalendarDay(iso: "2026-11-23")!

  func logged(_ days: [String: Int]) -> [CalendarDay: Minutes] {
    Dictionary(uniqueKeysWithValues: days.map { (day($0.key), Minutes($0.value)) })
  }

  @Test func anEmptyWednesdayIsAGapAndTheWeekendIsNot() {
    let hours = logged(["2026-11-16": 480, "2026-11-17": 300, "2026-11-19": 60, "2026-11-20": 420])
    let gaps = Workweek().gaps(in: week, before: today, logged: hours, daysOff: [])
    #expect(gaps == [Gap(day: day("2026-11-18"), logged: Minutes(0), missing: nil)])
  }

  @Test func aDayOffIsNeverAGap() {
    let gaps = Workweek().gaps(in: week, before: today, logged: [:], daysOff: [day("2026-11-18")])
    #expect(gaps.map(\.day.description) == ["2026-11-16", "2026-11-17", "2026-11-19", "2026-11-20"])
  }

  @Test func hoursPerDayFindsShortDaysWithWhatTheyLack() {
    let workweek = Workweek(workdays: [.monday, .tuesday, .wednesday, .thursday], hoursPerDay: Minutes(480))
    let gaps = workweek.gaps(
      in: week, before: today,
      logged: logged([
        "2026-11-16": 480, "2026-11-17": 300,
        "2026-11-18": 500, "2026-11-20": 60,
      ]),
      daysOff: [])
    #expect(
      gaps == [
        Gap(day: day("2026-11-17"), logged: Minutes(300), missing: Minutes(180)),
        Gap(day: day("2026-11-19"), logged: Minutes(0), missing: Minutes(480)),
      ])
  }

  @Test func todayAndLaterAreNotOverYet() {
    let gaps = Workweek().gaps(in: week, before: day("2026-11-18"), logged: [:], daysOff: [])
    #expect(gaps.map(\.day.description) == ["2026-11-16", "2026-11-17"])
    #expect(Workweek().gaps(in: week, before: day("2026-11-16"), logged: [:], daysOff: []).isEmpty)
  }
}

@Suite struct SpanWordTests {
  let today = CalendarDay(iso: "2026-11-25")!

  func span(_ text: String) throws -> String {
    let range = try RangeWord.span(parsing: text, today: today, startingOn: .monday)
    return "\(range.first)..\(range.last)"
  }

  @Test func everyKindOfSpan() throws {
    #expect(try span("last") == "2026-11-16..2026-11-22")
    #expect(try span("this") == "2026-11-23..2026-11-29")
    #expect(try span("2026-W47") == "2026-11-16..2026-11-22")
    #expect(try span("2026-11") == "2026-11-01..2026-11-30")
    #expect(try span("2026") == "2026-01-01..2026-12-31")
    #expect(try span("2026-12-08") == "2026-12-08..2026-12-08")
    #expect(try span("2026-12-24..2026-12-31") == "2026-12-24..2026-12-31")
    #expect(try span("mon..yesterday") == "2026-11-23..2026-11-24")
    #expect(throws: DateError.unknownSpan("2026-12-31..2026-12-24")) { try span("2026-12-31..2026-12-24") }
    #expect(throws: DateError.unknownSpan("soon")) { try span("soon") }
    #expect(throws: DateError.unknownSpan("..")) { try span("..") }
  }

  @Test func hostileSpansAreInsideTheCalendarOrRefused() async {
    await propertyCheck(count: 2000, input: HostileText.strings(of: 0...30)) { text in
      do {
        let range = try RangeWord.span(parsing: text, today: today, startingOn: .monday)
        #expect(range.first.isSupported && range.last.isSupported && range.first <= range.last)
      } catch let error as DateError {
        #expect(!error.description.containsControlCharacters && error.description.count < 400)
      } catch {
        Issue.record("not a DateError: \(error)")
      }
    }
  }
}
