import Foundation
import Testing
import TsheetCore

@testable import TsheetTransfer

/// Samples of each tracker's export, written from the tools' documentation.
@Suite struct ImportFormatTests {
  func csvRows(_ text: String, _ format: ImportFormat = .auto) throws -> (ImportFormat, [ImportRow]) {
    var source = try CSVImport(reader: CSVReader(text: text), requested: format)
    var rows: [ImportRow] = []
    try source.forEachRow { rows.append($0) }
    return (source.format, rows)
  }

  func jsonRows(
    _ text: String, clients: ImportClients = ImportClients(),
    timeZone: String = "UTC"
  ) throws -> (ImportFormat, [ImportRow]) {
    let source = try JSONImport(
      data: Data(text.utf8), requested: .auto, clients: clients,
      timeZone: TimeZone(identifier: timeZone)!)
    var rows: [ImportRow] = []
    try source.forEachRow { rows.append($0) }
    return (source.format, rows)
  }

  func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

  /// `row` as a tracker's span that started at `start` on its day and was not cut.
  func timed(_ row: ImportRow, at start: String) -> ImportRow {
    var row = row
    row.place.start = "\(row.day) \(start)"
    row.span = TrackedSpan(minutes: row.minutes, pieces: [(row.day, row.minutes)])
    return row
  }

  @Test func toggl() throws {
    let (format, rows) = try csvRows(
      """
      User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()
      Ana Ruiz,ana@consult.es,ACME Corp,ERP,,Fixed SSO login,Yes,2026-11-20,09:00:00,2026-11-20,10:30:20,01:30:20,,
      Ana Ruiz,ana@consult.es,,Internal,Admin,,No,2026-11-21,09:00:00,2026-11-21,09:44:30,00:44:30,,
      """)
    #expect(format == .toggl)
    #expect(
      rows == [
        timed(
          ImportRow(
            line: 2, client: "ACME Corp", title: "Fixed SSO login", description: "ERP", day: day("2026-11-20"),
            minutes: 90, person: "Ana Ruiz"), at: "09:00:00"),
        timed(
          ImportRow(
            line: 3, client: "Internal", title: "Admin", day: day("2026-11-21"), minutes: 45, person: "Ana Ruiz"),
          at: "09:00:00"),
      ])
  }

  @Test func clockify() throws {
    let (format, rows) = try csvRows(
      """
      "Project","Client","Description","Task","User","Group","Email","Tags","Billable","Start Date","Start Time","End Date","End Time","Duration (h)","Duration (decimal)","Billable Rate (USD)","Billable Amount (USD)"
      "ERP","ACME Corp","Fixed SSO login","Support","Ana","","ana@consult.es","","Yes","11/20/2026","09:00:00 AM","11/20/2026","10:15:00 AM","01:15:00","1.25","0.00","0.00"
      """)
    #expect(format == .clockify)
    #expect(
      rows == [
        timed(
          ImportRow(
            line: 2, client: "ACME Corp", title: "Fixed SSO login", description: "ERP · Support",
            day: day("2026-11-20"), minutes: 75, person: "Ana"), at: "09:00:00")
      ])
  }

  @Test func harvest() throws {
    let (format, rows) = try csvRows(
      """
      Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,Approved?,First Name,Last Name,Roles,Employee?,Billable Rate,Billable Amount,Cost Rate,Cost Amount,Currency,External Reference URL
      2026-11-20,ACME Corp,ERP,E1,Support,"Fixed SSO login
      Renewed the certificate",1.5,1.5,Yes,No,No,Ana,Ruiz,,Yes,90,135,0,0,Euro - EUR,
      2026-11-21,ACME Corp,ERP,E1,Meetings,,0.75,0.75,Yes,No,No,Ana,Ruiz,,Yes,90,67.5,0,0,Euro - EUR,
      """)
    #expect(format == .harvest)
    #expect(
      rows == [
        ImportRow(
          line: 2, client: "ACME Corp", title: "Fixed SSO login", description: "Renewed the certificate\nERP · Support",
          day: day("2026-11-20"), minutes: 90, person: "Ana Ruiz"),
        ImportRow(
          line: 4, client: "ACME Corp", title: "Meetings", description: "ERP", day: day("2026-11-21"), minutes: 45,
          person: "Ana Ruiz"),
      ])
  }

  /// Harvest's First and Last Name are the row's person as Toggl's User is: either alone, or none.
  @Test(arguments: [("Ana", "Ruiz", "Ana Ruiz"), ("Ana", "", "Ana"), ("", "Ruiz", "Ruiz"), ("", "", nil)])
  func harvestsNamesAreThePerson(first: String, last: String, person: String?) throws {
    let (_, rows) = try csvRows(
      """
      Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,Approved?,First Name,Last Name
      2026-11-21,acme,ERP,E1,Meetings,,0.75,0.75,Yes,No,No,\(first),\(last)
      """)
    #expect(rows.map(\.person) == [person])
  }

  @Test func aSpreadsheetInAnyOrderWithHoursAndSemicolons() throws {
    let (format, rows) = try csvRows("title;hours;client;date;description\nReview;1,5;acme;2026-11-20;notes\n")
    #expect(format == .tsheet)
    #expect(
      rows == [
        ImportRow(line: 2, client: "acme", title: "Review", description: "notes", day: day("2026-11-20"), minutes: 90)
      ])
  }

  @Test func watsonFramesAndLog() throws {
    let frames = try jsonRows(
      """
      [[1795165200, 1795170600, "acme", "a1b2", ["sso", "vpn"], 1795170600],
       [1795251600, 1795253400, "globex", "c3d4", [], 1795253400]]
      """)
    #expect(frames.0 == .watson)
    #expect(
      frames.1.map { "\($0.client)|\($0.title)|\($0.day)|\($0.minutes)" }
        == ["acme|sso, vpn|2026-11-20|90", "globex|globex|2026-11-21|30"])
    let log = try jsonRows(
      """
      [{"id": "a1b2", "project": "acme", "start": "2026-11-20T09:00:00+01:00", "stop": "2026-11-20T10:00:00+01:00", "tags": ["sso"]}]
      """)
    #expect(log.1.map { "\($0.client)|\($0.title)|\($0.day)|\($0.minutes)" } == ["acme|sso|2026-11-20|60"])
  }

  @Test func timewarriorTagsFollowTheDocumentedRule() throws {
    // `timew export` lists tags sorted: the client is the `client:` tag, else the one tag the log knows as
    // a client, else the only tag.
    let (format, rows) = try jsonRows(
      """
      [{"id":3,"start":"20261120T090000Z","end":"20261120T103000Z","tags":["Fixed SSO login","acme"],"annotation":"VPN users"},
       {"id":2,"start":"20261121T090000Z","end":"20261121T091500Z","tags":["globex"]},
       {"id":1,"start":"20261122T090000Z","end":"20261122T100000Z","tags":["Backup test","Zeta","client:Initech"]}]
      """, clients: ImportClients(known: ["acme"]))
    #expect(format == .timewarrior)
    #expect(
      rows.map { "\($0.client)|\($0.title)|\($0.description)|\($0.day)|\($0.minutes)" }
        == [
          "acme|Fixed SSO login|VPN users|2026-11-20|90", "globex|globex||2026-11-21|15",
          "Initech|Backup test, Zeta||2026-11-22|60",
        ])
    #expect(throws: ImportError.self) {
      try jsonRows("[{\"id\":1,\"start\":\"20261121T090000Z\",\"tags\":[\"acme\"]}]")
    }
  }

  @Test func timewarriorTagsThatNameNoSingleClientSayHowToChoose() throws {
    let text = """
      [{"id":1,"start":"20261120T090000Z","end":"20261120T100000Z","tags":["ERP","Fixed SSO login"]}]
      """
    do {
      _ = try jsonRows(text)
      Issue.record("accepted tags naming no client")
    } catch let error as ImportError {
      #expect(
        error.description
          == "interval @1 (2026-11-20 09:00:00), field 'tags': the tags 'ERP', 'Fixed SSO login' name no single "
          + "client; tag the interval client:NAME (timew tag @ID client:NAME) or import with --client NAME")
    }
    let forced = try jsonRows(text, clients: ImportClients(forced: "acme"))
    #expect(forced.1.map { "\($0.client)|\($0.title)" } == ["acme|ERP, Fixed SSO login"])
  }

  @Test func spansThatCrossMidnightBecomeOneRowPerLocalDay() throws {
    // 22:00 on the 20th to 04:00 on the 22nd in Madrid (UTC+1): 2 + 24 + 4 hours.
    let (_, rows) = try jsonRows(
      """
      [{"id":1,"start":"20261120T210000Z","end":"20261122T030000Z","tags":["acme"]}]
      """, timeZone: "Europe/Madrid")
    #expect(rows.map { "\($0.day) \($0.minutes)" } == ["2026-11-20 120", "2026-11-21 1440", "2026-11-22 240"])
    let watson = try jsonRows("[[1795215600, 1795226400, \"acme\", \"f1\", [\"night shift\"], 0]]")
    #expect(watson.1.map { "\($0.day) \($0.minutes)" } == ["2026-11-20 60", "2026-11-21 120"])
  }

  @Test func tsheetJSONAndNDJSON() throws {
    let (format, rows) = try jsonRows(
      """
      {"id":7,"date":"2026-11-20","client":"acme","title":"Call","description":"","minutes":30,"hours":0.50}
      {"id":8,"date":"2026-11-20","client":"acme","title":"Call","description":"","minutes":30,"hours":0.50}
      """)
    #expect(format == .tsheet)
    #expect(rows.map(\.id) == [7, 8])
  }

  @Test(arguments: [
    (
      "date,client,title,minutes\n2026-13-01,acme,x,30\n",
      "line 2, field 'date': '2026-13-01' is not a date; write it as YYYY-MM-DD"
    ),
    ("date,client,title,minutes\n2026-11-20,,x,30\n", "line 2, field 'client': is empty"),
    (
      "date,client,title,minutes\n2026-11-20,acme,x,1:7x\n",
      "line 2, field 'minutes': '1:7x' is not a duration; write it like 45m, 1h30m, 1.5h, 1:30 or 90 (minutes)"
    ),
    (
      "date,client,title,minutes\n2026-11-20,acme,x\n",
      "line 2: 3 fields where the header has 4; quote fields that hold the separator"
    ),
    (
      "day,customer,what,time\n2026-11-20,acme,x,30\n",
      "line 1: the header 'day,customer,what,time' is not one tsheet reads; expected date, client, title and minutes (or hours), in any order"
    ),
    (
      "date,client,title,hours\n2026-11-20,acme,x,25\n",
      "line 2, field 'hours': '25' is longer than a day; split it into days"
    ),
  ])
  func malformedRowsNameLineAndField(text: String, message: String) {
    do {
      _ = try csvRows(text)
      Issue.record("accepted \(text)")
    } catch let error as ImportError {
      #expect(error.description == message)
    } catch {
      Issue.record("\(error)")
    }
  }
}
