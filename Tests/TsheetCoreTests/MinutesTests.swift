import Testing
import TsheetCore

@Suite struct MinutesParsingTests {
  @Test(arguments: [
    ("45m", 45), ("1h", 60), ("1h30m", 90), ("1h30", 90), ("1.5h", 90), ("1,5h", 90), ("1:30", 90),
    ("90", 90), ("0:05", 5), ("1H 30M", 90), ("2hrs", 120), ("30min", 30), ("0.25h", 15), ("24h", 1440),
    ("23:59", 1439), ("1.333h", 80), ("1 h 5 m", 65),
  ])
  func readsDurationsPeopleWrite(text: String, minutes: Int) throws {
    #expect(try Minutes(parsing: text) == Minutes(minutes))
  }

  @Test(arguments: [
    ("", DurationError.notADuration("")), ("abc", .notADuration("abc")), ("1:3", .notADuration("1:3")),
    ("1:60", .notADuration("1:60")), ("1.5", .notADuration("1.5")), ("1h1h", .notADuration("1h1h")),
    ("h", .notADuration("h")), ("5x", .notADuration("5x")), ("1:30:00", .notADuration("1:30:00")),
    ("0", .zero("0")), ("0m", .zero("0m")), ("0:00", .zero("0:00")),
    ("-30m", .negative("-30m")), ("-1", .negative("-1")),
    ("25h", .longerThanADay("25h")), ("24h1m", .longerThanADay("24h1m")), ("1441", .longerThanADay("1441")),
  ])
  func refusesWhatIsNoEntryDuration(text: String, error: DurationError) {
    #expect(throws: error) { try Minutes(parsing: text) }
  }

  @Test func errorsQuoteTheInputAndSayHowToFixIt() {
    #expect(
      DurationError.longerThanADay("25h").description
        == "'25h' is longer than a day; log at most 24h per entry.")
  }
}

@Suite struct MinutesFormattingTests {
  @Test(arguments: [(0, "0:00"), (5, "0:05"), (90, "1:30"), (600, "10:00"), (1439, "23:59"), (-75, "-1:15")])
  func clockFormat(minutes: Int, text: String) {
    #expect(Minutes(minutes).formatted(.clock) == text)
  }

  @Test(arguments: [
    (0, "0.00"), (1, "0.02"), (20, "0.33"), (45, "0.75"), (90, "1.50"), (100, "1.67"),
    (599, "9.98"), (600, "10.00"), (-45, "-0.75"), (59_999, "999.98"),
  ])
  func decimalFormatRoundsToHundredths(minutes: Int, text: String) {
    #expect(Minutes(minutes).formatted(.decimal) == text)
  }

  @Test func decimalSeparatorFollowsTheReader() {
    #expect(Minutes(90).formatted(.decimal, decimalSeparator: ",") == "1,50")
  }

  @Test(arguments: [(45, "45m"), (60, "1h"), (90, "1h30m"), (1440, "24h")])
  func compactFormReadsBack(minutes: Int, text: String) throws {
    #expect(Minutes(minutes).compact == text)
    #expect(try Minutes(parsing: text) == Minutes(minutes))
  }
}
