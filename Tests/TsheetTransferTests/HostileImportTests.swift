import Foundation
import PropertyBased
import Testing
import TsheetCore
import TsheetTestSupport

@testable import TsheetTransfer

/// Every import format fed arbitrary and extreme rows: each row is read, or refused with an `ImportError` that
/// names its place and reads as one short line. Nothing traps.
@Suite struct HostileImportTests {
  let utc = TimeZone(identifier: "UTC")!

  func expectReadable(_ error: ImportError, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!error.description.containsControlCharacters, "\(error)", sourceLocation: sourceLocation)
    #expect(error.description.count < 400, sourceLocation: sourceLocation)
    #expect(
      ["line ", "element ", "interval @"].contains { error.place.description.hasPrefix($0) },
      sourceLocation: sourceLocation)
  }

  /// Reads every row of `text` as CSV, and checks what comes out.
  func readCSV(_ text: String) {
    do {
      var source = try CSVImport(reader: CSVReader(text: text), requested: .auto)
      try source.forEachRow { row in #expect(row.day.isSupported) }
    } catch let error as ImportError {
      expectReadable(error)
    } catch {
      Issue.record("not an ImportError: \(error)")
    }
  }

  func readJSON(_ text: String) {
    do {
      let source = try JSONImport(data: Data(text.utf8), requested: .auto, timeZone: utc)
      try source.forEachRow { row in
        #expect(row.day.isSupported)
        if source.format != .tsheet { #expect((1...1440).contains(row.minutes)) }
      }
    } catch let error as ImportError {
      expectReadable(error)
    } catch {
      Issue.record("not an ImportError: \(error)")
    }
  }

  @Test(arguments: [
    "date,client,title,minutes",
    "date,client,title,hours",
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags",
    "Project,Client,Description,Task,Start Date,Start Time,End Date,End Time,Duration (h)",
    "Date,Client,Project,Task,Notes,Hours",
  ])
  func everyCSVFormatReadsOrRefusesEachRow(header: String) async {
    let columns = header.split(separator: ",").count
    let field = HostileText.strings(of: 0...4).map { "\"" + $0.replacing("\"", with: "\"\"") + "\"" }
    await propertyCheck(count: 300, input: field.array(of: columns...columns).array(of: 1...3)) { rows in
      readCSV(([header] + rows.map { $0.joined(separator: ",") }).joined(separator: "\n"))
    }
  }

  @Test func everyJSONFormatReadsOrRefusesEachElement() async {
    let number = Gen.element(of: [
      "1e300", "-1e300", "99999999999999999999", "0", "-1", "1795165200", "30",
      "253402300800", "-62135596801", "1.5", "null", "true", "\"x\"", "[]", "{}",
    ])
    .map { $0! }
    let text = HostileText.strings(of: 0...4).map {
      "\""
        + $0.unicodeScalars.map { scalar in
          scalar == "\"" || scalar == "\\" || scalar.value < 0x20
            ? String(format: "\\u%04x", scalar.value)
            : String(scalar)
        }.joined() + "\""
    }
    let value = Gen.oneOf(
      number, text,
      Gen.element(of: [
        "\"20261120T090000Z\"", "\"00000101T000000Z\"",
        "\"99991231T235959Z\"", "\"2026-11-20T09:00:00+01:00\"",
        "\"2026-11-20\"", "[\"acme\", \"client:x\"]",
      ]).map { $0! })
    await propertyCheck(count: 1000, input: value.array(of: 7...7)) { v in
      readJSON(
        "[{\"id\": \(v[0]), \"date\": \(v[1]), \"client\": \(v[2]), \"title\": \(v[3]), \"minutes\": \(v[4]), \"hours\": \(v[5])}]"
      )
      readJSON("[{\"id\": 1, \"start\": \(v[0]), \"end\": \(v[1]), \"tags\": \(v[2]), \"annotation\": \(v[3])}]")
      readJSON("[{\"project\": \(v[0]), \"start\": \(v[1]), \"stop\": \(v[2]), \"tags\": \(v[6])}]")
      readJSON("[[\(v[0]), \(v[1]), \(v[2]), \(v[3]), \(v[6])]]")
    }
  }

  @Test(arguments: [
    (
      "date,client,title,hours\n2026-11-20,acme,x,1e300\n",
      "line 2, field 'hours': '1e300' is not a number of hours; write it like 1.5"
    ),
    (
      "date,client,title,hours\n2026-11-20,acme,x,99999999999999999999\n",
      "line 2, field 'hours': '99999999999999999999' is longer than a day; split it into days"
    ),
    (
      "date,client,title,minutes\n2026-11-20,acme,x,99999999999999999999\n",
      "line 2, field 'minutes': '99999999999999999999' is longer than a day; log at most 24h per entry"
    ),
    (
      "date,client,title,minutes\n2026-11-20,acme,x,9223372036854775807:00\n",
      "line 2, field 'minutes': '9223372036854775807:00' is longer than a day; log at most 24h per entry"
    ),
    (
      "date,client,title,minutes\n0000-12-31,acme,x,30\n",
      "line 2, field 'date': '0000-12-31' is not a date; write it as YYYY-MM-DD"
    ),
  ])
  func extremeCSVValuesAreRefusedByName(text: String, message: String) throws {
    do {
      var source = try CSVImport(reader: CSVReader(text: text), requested: .auto)
      try source.forEachRow { _ in }
      Issue.record("accepted \(text)")
    } catch let error as ImportError {
      #expect(error.description == message)
    }
  }

  @Test(arguments: [
    (
      "[[1e300, 1e300, \"acme\", \"a\", []]]",
      "element 1, field 'start': is outside the calendar tsheet keeps (years 0001 to 9999)"
    ),
    (
      "[{\"id\":1,\"start\":\"00000101T000000Z\",\"end\":\"00000101T010000Z\",\"tags\":[\"acme\"]}]",
      "interval @1, field 'start': is outside the calendar tsheet keeps (years 0001 to 9999)"
    ),
    (
      "[{\"id\":1,\"start\":\"99991231T230000Z\",\"end\":\"100000101T010000Z\",\"tags\":[\"acme\"]}]",
      "interval @1 (9999-12-31 23:00:00), field 'end': '100000101T010000Z' is not an ISO 8601 time"
    ),
    (
      "[{\"id\":1,\"start\":\"20261120T090000Z\",\"end\":\"20291120T090000Z\",\"tags\":[\"acme\"]}]",
      "interval @1 (2026-11-20 09:00:00), field 'end': comes more than a year after the start; check the interval"
    ),
    (
      "[{\"date\":\"2026-11-20\",\"client\":\"acme\",\"title\":\"x\",\"hours\":1e300}]",
      "element 1, field 'hours': '1e+300' is longer than a day; split it into days"
    ),
  ])
  func extremeTimesAreRefusedByName(text: String, message: String) throws {
    do {
      try JSONImport(data: Data(text.utf8), requested: .auto, timeZone: utc).forEachRow { _ in }
      Issue.record("accepted \(text)")
    } catch let error as ImportError {
      #expect(error.description == message)
    }
  }

  @Test func togglEntriesAcrossMidnightBecomeOneRowPerDay() throws {
    var source = try CSVImport(
      reader: CSVReader(
        text: """
          User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags
          Ana,ana@consult.es,acme,ERP,,Go-live night,Yes,2026-11-20,22:00:00,2026-11-22,02:30:00,28:30:00,
          """), requested: .auto)
    var rows: [ImportRow] = []
    try source.forEachRow { rows.append($0) }
    #expect(rows.map { "\($0.day) \($0.minutes)" } == ["2026-11-20 120", "2026-11-21 1440", "2026-11-22 150"])
  }

  @Test func spreadsheetCSVQuotesEverySeparatorInBothLanguages() {
    let entry = Entry(
      id: 1, client: "a;b", title: "x,y\tz", description: "", day: CalendarDay(iso: "2026-11-20")!,
      minutes: 90, person: "Luis, jr")
    for (language, line) in [
      (Language.en, "1,2026-11-20,\"a;b\",\"x,y\tz\",,90,1.50,\"Luis, jr\"\r\n"),
      (.es, "1;2026-11-20;\"a;b\";\"x,y\tz\";;90;\"1,50\";\"Luis, jr\"\r\n"),
    ] {
      var bytes: [UInt8] = []
      EntryCSV.append(entry, style: .spreadsheet(language), to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == line)
    }
  }
}
