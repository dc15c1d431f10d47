import Foundation
import Testing

/// What the real `timew` writes, imported as a Timewarrior user would: `timew export | tsheet import -`.
@Suite(.enabled(if: RealPrograms.canRun(RealPrograms.timewarrior), "needs timewarrior (Debian); CI installs it"))
struct TimewarriorTests {
  let sandbox: Sandbox
  let database: String

  init() throws {
    var sandbox = try Sandbox()
    sandbox.environment["TZ"] = "Europe/Madrid"
    self.sandbox = sandbox
    database = sandbox.folder + "/timewarrior"
    try FileManager.default.createDirectory(atPath: database + "/data", withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: database + "/timewarrior.cfg", contents: nil)
    _ = try sandbox.succeed(["log", "Earlier work", "1h", "-c", "acme", "--date", "2026-11-02"])
  }

  /// Runs `timew arguments…` on the sandbox's own Timewarrior database, in Madrid.
  @discardableResult
  func timew(_ arguments: [String]) throws -> String {
    let (status, output) = try RealPrograms.run(
      RealPrograms.timewarrior, [":yes"] + arguments,
      environment: ["TIMEWARRIORDB": database, "TZ": "Europe/Madrid"])
    #expect(status == 0, "timew \(arguments)")
    return output
  }

  @Test func intervalsGoToTheirClientsAndDays() throws {
    try timew(["track", "2026-11-16T09:00", "-", "2026-11-16T11:30", "acme", "Fixed SSO login"])
    try timew(["track", "2026-11-17T22:00", "-", "2026-11-18T02:00", "Go-live night", "client:globex"])
    try timew(["track", "2026-11-18T09:00", "-", "2026-11-18T09:45", "Weekly sync", "acme", "ERP"])
    try timew(["track", "2026-11-18T20:00", "-", "2026-11-20T06:00", "Warehouse move", "client:Initech"])
    let export = sandbox.folder + "/timew.json"
    try sandbox.write(try timew(["export"]), to: export)
    #expect(
      try String(contentsOfFile: export, encoding: .utf8).contains("\"tags\":[\"Fixed SSO login\",\"acme\"]"),
      "timew lists tags sorted: the client is not the first tag")
    let run = try sandbox.run(["import", export])
    #expect(run.stdout == "Imported 7 entries from timewarrior (acme 2, globex 2, Initech 3).\n")
    #expect(
      run.stderr == "Warning: timew.json interval @1 (2026-11-18 20:00:00) ran 34h, longer than "
        + "max_timer_hours (12h); imported as 4h on 2026-11-18, 24h on 2026-11-19 and 6h on 2026-11-20; if a "
        + "timer was forgotten, fix the entries with tsheet edit.\n", "a span of 34 hours, perhaps forgotten")
    #expect(
      try sandbox.succeed(["list", "--week", "2026-W47", "--format", "csv"]) == """
        id,date,client,title,description,minutes,hours,person\r
        8,2026-11-20,Initech,Warehouse move,,360,6.00,ana\r
        7,2026-11-19,Initech,Warehouse move,,1440,24.00,ana\r
        6,2026-11-18,Initech,Warehouse move,,240,4.00,ana\r
        5,2026-11-18,acme,"ERP, Weekly sync",,45,0.75,ana\r
        4,2026-11-18,globex,Go-live night,,120,2.00,ana\r
        3,2026-11-17,globex,Go-live night,,120,2.00,ana\r
        2,2026-11-16,acme,Fixed SSO login,,150,2.50,ana\r

        """)
    #expect(
      try sandbox.run(["import", export]).stdout
        == "Imported 0 entries from timewarrior; 7 already in the log, skipped.\n")
  }

  @Test func tagsThatNameNoSingleClientSayHowToChoose() throws {
    try timew(["track", "2026-11-16T09:00", "-", "2026-11-16T10:00", "ERP", "Fixed SSO login"])
    let export = sandbox.folder + "/timew.json"
    try sandbox.write(try timew(["export"]), to: export)
    try sandbox.refuse(
      ["import", export], status: 65,
      error: "timew.json interval @1 (2026-11-16 09:00:00), field 'tags': the tags 'ERP', "
        + "'Fixed SSO login' name no single client; tag the interval client:NAME (timew tag @ID client:NAME) or "
        + "import with --client NAME; nothing was imported.")
    #expect(
      try sandbox.succeed(["import", export, "--client", "acme"])
        == "Imported 1 entry from timewarrior (acme 1).\n")
  }
}
