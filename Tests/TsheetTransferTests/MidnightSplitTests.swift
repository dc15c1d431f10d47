import Foundation
import PropertyBased
import Testing
import TsheetCore

@testable import TsheetTransfer

/// One midnight rule (`MidnightSplit`): a span logs the same minutes on the same days whether the timer timed it
/// or Toggl, Clockify, Watson or Timewarrior did and it was imported.
@Suite struct MidnightSplitTests {
  /// `day minutes` for each part of the span of `seconds` from `start`, as each source logs it.
  func parts(from start: LocalTime, seconds: Int) throws -> [String: [String]] {
    let end = start.adding(seconds: seconds)
    func lines(_ parts: [(CalendarDay, Int)]) -> [String] { parts.map { "\($0.0) \($0.1)" } }
    let timer = try RunningTimer(client: "acme", title: "work", started: start)
      .entries(of: "ana", stoppedAt: end, limit: Minutes(1_000_000))
    func csv(_ text: String) throws -> [String] {
      var source = try CSVImport(reader: CSVReader(text: text), requested: .auto)
      var rows: [(CalendarDay, Int)] = []
      try source.forEachRow { rows.append(($0.day, $0.minutes)) }
      return lines(rows)
    }
    func json(_ text: String) throws -> [String] {
      let source = try JSONImport(
        data: Data(text.utf8), requested: .auto, clients: ImportClients(),
        timeZone: TimeZone(identifier: "UTC")!)
      var rows: [(CalendarDay, Int)] = []
      try source.forEachRow { rows.append(($0.day, $0.minutes)) }
      return lines(rows)
    }
    func clock(_ time: LocalTime) -> String { ImportValue.clockText(time.second) }
    func usClock(_ time: LocalTime) -> String {
      let hour = time.second / 3600
      return ImportValue.clockText((hour % 12 == 0 ? 12 * 3600 : hour % 12 * 3600) + time.second % 3600)
        + (hour < 12 ? " AM" : " PM")
    }
    func usDay(_ day: CalendarDay) -> String {
      let iso = day.description
      return "\(iso.dropFirst(5).prefix(2))/\(iso.suffix(2))/\(iso.prefix(4))"
    }
    let duration = ImportValue.clockText(seconds)
    func epoch(_ time: LocalTime) -> Int { time.day.dayNumber * 86_400 + time.second }
    func compact(_ time: LocalTime) -> String {
      time.day.description.replacing("-", with: "") + "T" + clock(time).replacing(":", with: "") + "Z"
    }
    return [
      "timer": lines(timer.map { ($0.day, $0.minutes.value) }),
      "toggl": try csv(
        """
        User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()
        Ana,ana@consult.es,acme,ERP,,work,Yes,\(start.day),\(clock(start)),\(end.day),\(clock(end)),\(duration),,
        """),
      "clockify": try csv(
        """
        "Project","Client","Description","Task","User","Group","Email","Tags","Billable","Start Date","Start Time","End Date","End Time","Duration (h)","Duration (decimal)","Billable Rate (USD)","Billable Amount (USD)"
        "ERP","acme","work","","Ana","","ana@consult.es","","Yes","\(usDay(start.day))","\(usClock(start))","\(usDay(end.day))","\(usClock(end))","\(duration)","0","0.00","0.00"
        """),
      "watson": try json("[[\(epoch(start)), \(epoch(end)), \"acme\", \"f1\", [\"work\"], 0]]"),
      "timewarrior": try json(
        """
        [{"id":1,"start":"\(compact(start))","end":"\(compact(end))","tags":["acme"]}]
        """),
    ]
  }

  @Test func theTimerAndEveryImporterCutASpanAlike() async {
    let first = CalendarDay(iso: "2000-01-01")!.dayNumber * 86_400
    let starts = Gen.int(in: first...first + 40_000 * 86_400)
    await propertyCheck(count: 500, input: starts, Gen.int(in: 30...3 * 86_400)) { start, seconds in
      let start = LocalTime(day: CalendarDay(dayNumber: 0), plus: start)
      do {
        let parts = try parts(from: start, seconds: seconds)
        for (source, logged) in parts where source != "timer" {
          #expect(logged == parts["timer"], "\(source) from \(start.isoSecond) for \(seconds) s")
        }
        #expect(parts["timer"]?.map { Int($0.split(separator: " ")[1])! }.reduce(0, +) == (seconds + 30) / 60)
      } catch {
        Issue.record("\(start.isoSecond) for \(seconds) s: \(error)")
      }
    }
  }

  @Test(arguments: [
    // 23:59:20 to 00:00:30: 40 s and 30 s, 70 s in all: one minute, on the first day. Each piece rounded
    // alone, as imports did, gave a minute to each day.
    ("2026-11-20T23:59:20", 70, ["2026-11-20 1"]),
    // 23:30:30 to 00:29:30: 59 minutes, cut 29.5 + 29.5: 30 and 29, where pieces rounded alone made 60.
    ("2026-11-20T23:30:30", 3540, ["2026-11-20 30", "2026-11-21 29"]),
    ("2026-11-20T22:00:00", 6 * 3600, ["2026-11-20 120", "2026-11-21 240"]),
  ])
  func spansOverMidnight(start: String, seconds: Int, expected: [String]) throws {
    for (source, logged) in try parts(from: LocalTime(iso: start)!, seconds: seconds) {
      #expect(logged == expected, "\(source)")
    }
  }
}
