import Foundation
import Testing

/// Other trackers' files as their users have them: Timewarrior's intervals named as `timew` names them, spans a
/// forgotten timer made, Toggl's decimal durations, and what a dry run says after `--client-map`.
@Suite struct TrackerImportTests {
  let sandbox: Sandbox

  init() throws { sandbox = try .forImports() }

  @Test func aClientAnEarlierIntervalNamedIsKnown() throws {
    let export = try sandbox.file(
      "timew.json",
      """
      [
      {"id":2,"start":"20261116T080000Z","end":"20261116T100000Z","tags":["Move","client:Initech"]},
      {"id":1,"start":"20261117T080000Z","end":"20261117T090000Z","tags":["Unpack","initech"]}
      ]
      """)
    #expect(try sandbox.succeed(["import", export]) == "Imported 2 entries from timewarrior (Initech 2).\n")
    #expect(try sandbox.succeed(["list", "--format", "csv"]).contains(",Initech,Unpack,,60,"))
  }

  @Test func anIntervalIsNamedAsTimewNamesIt() throws {
    let export = try sandbox.file(
      "timew.json",
      """
      [
      {"id":3,"start":"20261116T080000Z","end":"20261116T100000Z","tags":["acme"]},
      {"id":2,"start":"20261116T110000Z","end":"20261116T120000Z","tags":["ERP","Fixed SSO login"]},
      {"id":1,"start":"20261117T080000Z","end":"20261117T090000Z","tags":["acme"]}
      ]
      """)
    try sandbox.refuse(
      ["import", export], status: 65,
      error: "timew.json interval @2 (2026-11-16 11:00:00), field "
        + "'tags': the tags 'ERP', 'Fixed SSO login' name no single client; tag the interval client:NAME (timew tag "
        + "@ID client:NAME) or import with --client NAME; nothing was imported.")
  }

  @Test func aSpanLongerThanATimerMayRunIsImportedWithAWarning() throws {
    let export = try sandbox.file(
      "timew.json",
      """
      [
      {"id":2,"start":"20261118T200000Z","end":"20261120T140000Z","tags":["Warehouse move","client:Initech"]},
      {"id":1,"start":"20261121T080000Z","end":"20261121T200000Z","tags":["Inventory","client:Initech"]}
      ]
      """)
    let run = try sandbox.run(["import", export])
    #expect(run.status == 0)
    #expect(run.stdout == "Imported 4 entries from timewarrior (Initech 4).\n")
    #expect(
      run.stderr == "Warning: timew.json interval @2 (2026-11-18 20:00:00) ran 42h, longer than "
        + "max_timer_hours (12h); imported as 4h on 2026-11-18, 24h on 2026-11-19 and 14h on 2026-11-20; if a "
        + "timer was forgotten, fix the entries with tsheet edit.\n")
    let toggl = try sandbox.file(
      "toggl.csv",
      """
      User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags
      Ana,ana@consult.es,acme,ERP,,Go-live,Yes,2026-11-22,06:00:00,2026-11-22,20:00:00,14:00:00,

      """)
    try sandbox.configure("max_timer_hours = 13\n")
    let togglRun = try sandbox.run(["import", toggl, "--dry-run"])
    #expect(
      togglRun.stderr == "Warning: toggl.csv line 2 (2026-11-22 06:00:00) ran 14h, longer than "
        + "max_timer_hours (13h); imported as 14h on 2026-11-22; if a timer was forgotten, fix the entries with "
        + "tsheet edit.\n")
    try sandbox.configure("max_timer_hours = 14\n")
    #expect(try sandbox.succeed(["import", toggl]) == "Imported 1 entry from toggl (acme 1).\n")
  }

  @Test func togglsDecimalDurationsAreHours() throws {
    let toggl = try sandbox.file(
      "toggl.csv",
      """
      User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags
      Ana,ana@consult.es,acme,ERP,,Fixed SSO login,Yes,2026-11-20,09:00:00,2026-11-20,11:30:00,2.50,
      Ana,ana@consult.es,acme,ERP,,Call,Yes,2026-11-20,12:00:00,2026-11-20,12:15:00,"0,25",

      """)
    #expect(try sandbox.succeed(["import", toggl]) == "Imported 2 entries from toggl (acme 2).\n")
    let list = try sandbox.succeed(["list", "--format", "csv"])
    #expect(list.contains(",acme,Fixed SSO login,ERP,150,2.50,ana"), "a personal log's: the User column unread")
    #expect(list.contains(",acme,Call,ERP,15,0.25,ana"))
  }

  @Test func aDryRunNamesTheClientsAfterTheMap() throws {
    let toggl = try sandbox.file(
      "toggl.csv",
      """
      User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags
      Ana,ana@consult.es,ACME Corp,ERP,,Call,Yes,2026-11-20,09:00:00,2026-11-20,10:00:00,01:00:00,
      Ana,ana@consult.es,Initech Ltd,ERP,,Review,Yes,2026-11-20,11:00:00,2026-11-20,11:30:00,0.50,

      """)
    let timew = try sandbox.file(
      "timew.json",
      """
      [{"id":1,"start":"20261120T090000Z","end":"20261120T100000Z","tags":["ACME Corp","Call"]}]
      """)
    let map = ["--client-map", "ACME Corp=acme", "--client-map", "initech ltd=Initech", "--dry-run"]
    #expect(try sandbox.succeed(["import", toggl] + map) == "Would import 2 entries from toggl (acme 1, Initech 1).\n")
    #expect(try sandbox.succeed(["import", timew] + map) == "Would import 1 entry from timewarrior (acme 1).\n")
    _ = try sandbox.succeed(["log", "Earlier", "1h", "-c", "Acme", "--date", "2026-11-19"])
    #expect(
      try sandbox.succeed(["import", toggl] + map) == "Would import 2 entries from toggl (Acme 1, Initech 1).\n",
      "the log's own spelling of the client the map names")
  }
}
