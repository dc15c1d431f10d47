import Foundation
import Testing

@Suite struct EverydayCommandTests {
  @Test func logListEditRemove() throws {
    let sandbox = try Sandbox()
    #expect(
      try sandbox.succeed(["log", "Fixed SSO login", "-c", "acme", "1h30m"])
        == "Logged #1: Mon 2026-11-23  acme  Fixed SSO login  1:30\n")
    #expect(
      try sandbox.succeed([
        "log", "Weekly", "sync", "45m", "-c", "ACME", "--date", "fri",
        "-d", "With Marta, about the ERP",
      ])
        == "Logged #2: Fri 2026-11-20  acme  Weekly sync  0:45\n")
    #expect(
      try sandbox.succeed([
        "log", "Backup restore test", "--minutes", "90", "-c", "Cafés Núñez",
        "--date", "ayer",
      ])
        == "Logged #3: Sun 2026-11-22  Cafés Núñez  Backup restore test  1:30\n")
    #expect(
      try sandbox.succeed(["list"]) == """
        Mon 2026-11-23                           1:30
          #1  acme         Fixed SSO login       1:30

        Sun 2026-11-22                           1:30
          #3  Cafés Núñez  Backup restore test   1:30

        Fri 2026-11-20                           0:45
          #2  acme         Weekly sync           0:45
                           With Marta, about the ERP

        Total, 3 entries                         3:45

        """)
    #expect(
      try sandbox.succeed(["list", "-c", "acme", "--week", "last", "--format", "csv"])
        == "id,date,client,title,description,minutes,hours,person\r\n"
        + "2,2026-11-20,acme,Weekly sync,\"With Marta, about the ERP\",45,0.75,ana\r\n")
    #expect(
      try sandbox.succeed(["edit", "2", "1h", "--title", "Weekly sync with IT", "--date", "thu"])
        == "Updated #2: Thu 2026-11-19  acme  Weekly sync with IT  1:00\n")
    #expect(
      try sandbox.succeed(["rm", "1", "3"])
        == "Removed #1: Mon 2026-11-23  acme  Fixed SSO login  1:30\n"
        + "Removed #3: Sun 2026-11-22  Cafés Núñez  Backup restore test  1:30\n")
    #expect(
      try sandbox.succeed(["list", "--format", "json"]) == """
        [
          {"id":2,"date":"2026-11-19","client":"acme","title":"Weekly sync with IT",\
        "description":"With Marta, about the ERP","minutes":60,"hours":1.00,"person":"ana"}
        ]

        """)
  }

  @Test func theDatabaseIsCreatedPrivate() throws {
    let sandbox = try Sandbox()
    _ = try sandbox.succeed(["log", "x", "5m", "-c", "acme"])
    let mode = try FileManager.default.attributesOfItem(atPath: sandbox.databasePath)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func bareWeekMeansThisWeekAndSearchFinds() throws {
    let sandbox = try Sandbox()
    _ = try sandbox.succeed(["log", "Old SSO work", "1h", "-c", "acme", "--date", "2026-11-02"])
    _ = try sandbox.succeed(["log", "New SSO work", "2h", "-c", "acme", "--date", "2026-11-24"])
    #expect(try sandbox.succeed(["list", "--week", "--format", "csv"]).contains("New SSO work"))
    #expect(!(try sandbox.succeed(["list", "--week", "--format", "csv"]).contains("Old SSO work")))
    #expect(
      try sandbox.succeed(["list", "--week"]) == """
        Tue 2026-11-24             2:00
          #2  acme  New SSO work   2:00

        Total, 1 entry             2:00

        """, "a bare --week, last on the line, is this week")
    #expect(try sandbox.succeed(["list", "--search", "sso", "--format", "csv"]).split(separator: "\r\n").count == 3)
  }

  @Test func configSetsTheDefaultClientAndHoursFormat() throws {
    let sandbox = try Sandbox()
    try sandbox.configure("default_client = \"acme\"\nhours_format = \"decimal\"\n")
    #expect(try sandbox.succeed(["log", "Review", "1h15m"]) == "Logged #1: Mon 2026-11-23  acme  Review  1.25\n")
  }

  @Test func clientsListRenameMerge() throws {
    let sandbox = try Sandbox()
    _ = try sandbox.succeed(["log", "One", "1h", "-c", "acme", "--date", "2026-11-20"])
    _ = try sandbox.succeed(["log", "Two", "30m", "-c", "Acme Inc", "--date", "2026-11-21"])
    _ = try sandbox.succeed(["log", "Three", "2h", "-c", "globex", "--date", "2026-10-01"])
    #expect(
      try sandbox.succeed(["clients"]) == """
        CLIENT    ENTRIES  HOURS  LAST
        acme            1   1:00  2026-11-20
        Acme Inc        1   0:30  2026-11-21
        globex          1   2:00  2026-10-01

        """)
    #expect(
      try sandbox.succeed(["clients", "merge", "acme inc", "acme"])
        == "Merged 'acme inc' into 'acme': 1 entry moved.\n")
    #expect(
      try sandbox.succeed(["clients", "rename", "acme", "ACME Corp"])
        == "Renamed client 'acme' to 'ACME Corp'.\n")
    #expect(
      try sandbox.succeed(["clients"]) == """
        CLIENT     ENTRIES  HOURS  LAST
        ACME Corp        2   1:30  2026-11-21
        globex           1   2:00  2026-10-01

        """)
  }

  @Test(arguments: ["log", "list", "edit", "rm", "clients", "people", "demo"])
  func everyCommandHasHelpWithExamples(command: String) throws {
    let run = try Sandbox().run([command, "--help"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("USAGE: tsheet \(command)"))
    if command != "demo" { #expect(run.stdout.contains("Examples:")) }
    // Wrapped once, at the terminal's width: every line of a paragraph but its last reaches near the width.
    var narrow = try Sandbox()
    narrow.environment["COLUMNS"] = "80"
    let paragraphs = try narrow.run([command, "--help"]).stdout.components(separatedBy: "\n\n")
    let prose = paragraphs.filter { !$0.hasPrefix("USAGE") && !$0.contains("\n  ") && !$0.hasPrefix("Examples") }
    for paragraph in prose {
      let lines = paragraph.split(separator: "\n")
      #expect(lines.allSatisfy { $0.count <= 80 }, "\(command): \(paragraph)")
      #expect(lines.dropLast().allSatisfy { $0.count >= 60 }, "a ragged line in \(command) --help: \(paragraph)")
    }
  }

  @Test func demoShowsLastWeekFromASampleMonth() throws {
    let run = try Sandbox().run(["demo"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("Last week (tsheet list --week last):"))
    #expect(run.stdout.contains("Mon 2026-11-16"))
    #expect(run.stdout.contains("Fri 2026-11-20"))
    #expect(!run.stdout.contains("2026-11-23"))
    #expect(run.stdout.contains("Total, "))
  }
}
