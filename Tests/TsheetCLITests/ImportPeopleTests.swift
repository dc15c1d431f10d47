import Foundation
import Testing

/// An import keeps a personal log personal: a tracker's user column is read only in a team's log or when asked
/// (`--people-from-file`), `--as` makes every row one person's, `--person-map` renames on the way in.
@Suite struct ImportPeopleTests {
  let sandbox: Sandbox
  let toggl: String

  init() throws {
    sandbox = try Sandbox(today: "2026-11-23")
    try sandbox.configure("[mail]\nfrom = \"Ana Ruiz <ana@consult.es>\"\n")
    toggl = try sandbox.file(
      "toggl.csv",
      """
      User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags
      Ana Ruiz,ana@consult.es,acme,ERP,,Fixed SSO login,Yes,2026-11-16,09:00:00,2026-11-16,10:30:00,01:30:00,
      Luis Gómez,luis@consult.es,acme,ERP,,Warehouse Wi-Fi,Yes,2026-11-17,09:00:00,2026-11-17,10:00:00,01:00:00,

      """)
  }

  /// Who did each entry, by title, as the log holds it.
  func people() throws -> [String: String] {
    let rows = try sandbox.succeed(["list", "--format", "csv", "--limit", "0"]).split(separator: "\r\n").dropFirst()
    return Dictionary(
      rows.map { row in
        let fields = row.split(separator: ",", omittingEmptySubsequences: false)
        return (String(fields[3]), String(fields[fields.count - 1]))
      }, uniquingKeysWith: { $1 })
  }

  @Test func aTogglFileIntoAPersonalLogIsAllTheLoggersWorkAndTheEmailSaysI() throws {
    _ = try sandbox.succeed(["log", "Daily standup", "15m", "-c", "acme", "--date", "2026-11-18"])
    let mapped = try sandbox.run(["import", toggl, "--person-map", "Luis Gómez=luis", "--dry-run"])
    #expect(mapped.stdout == "Would import 2 entries from toggl (acme 2).\n")
    #expect(
      mapped.stderr
        == "Warning: --person-map renamed nobody: a log with one person's work does not read toggl.csv's people, so "
        + "every row is ana's; add --people-from-file to read them.\n")
    let marta = try sandbox.run(["import", toggl, "--person-map", "Luis Gómez=luis", "--as", "marta", "--dry-run"])
    #expect(marta.stderr == "Warning: --person-map renamed nobody: --as made every row marta's.\n")
    #expect(try sandbox.succeed(["import", toggl]) == "Imported 2 entries from toggl (acme 2).\n")
    #expect(try people() == ["Fixed SSO login": "ana", "Warehouse Wi-Fi": "ana", "Daily standup": "ana"])
    let email = try sandbox.run(["week", "-c", "acme"]).stdout
    #expect(email.contains("Here is the work I did for acme"))
    #expect(!email.contains("(ana)") && !email.contains("(Ana Ruiz)"), "one person: no entry names who did it")
    #expect(!email.contains("Luis"))
  }

  @Test func peopleFromFileKeepsTheUserColumnAndThePersonMapRenames() throws {
    _ = try sandbox.succeed(["import", toggl, "--people-from-file", "--person-map", "ana ruiz=ana"])
    #expect(try people() == ["Fixed SSO login": "ana", "Warehouse Wi-Fi": "Luis Gómez"])
    #expect(try sandbox.run(["week", "-c", "acme"]).stdout.contains("Here is the work we did for acme"))
  }

  @Test func aTeamsLogReadsTheUserColumnAndAsMakesEveryRowOnePersons() throws {
    _ = try sandbox.succeed(["log", "Daily standup", "15m", "-c", "acme", "--date", "2026-11-18"])
    _ = try sandbox.succeed(["log", "Daily standup", "15m", "-c", "acme", "--date", "2026-11-19", "--as", "luis"])
    _ = try sandbox.succeed(["import", toggl, "--person-map", "Luis Gómez=luis", "--dry-run"])
    let marta = try sandbox.file(
      "marta.csv", try String(contentsOfFile: toggl, encoding: .utf8).replacing("ERP", with: "CRM"))
    _ = try sandbox.succeed(["import", marta, "--as", "marta"])
    _ = try sandbox.succeed(["import", toggl, "--person-map", "Luis Gómez=luis"])
    let rows = try sandbox.succeed(["list", "--format", "csv", "--limit", "0"])
    #expect(rows.contains(",acme,Fixed SSO login,ERP,90,1.50,Ana Ruiz\r\n"), "a team's log reads the User column")
    #expect(rows.contains(",acme,Warehouse Wi-Fi,ERP,60,1.00,luis\r\n"))
    #expect(rows.contains(",acme,Fixed SSO login,CRM,90,1.50,marta\r\n"), "--as: every row marta's")
    #expect(rows.contains(",acme,Warehouse Wi-Fi,CRM,60,1.00,marta\r\n"))
  }

  @Test func harvestsNamesAreReadAsTogglsUser() throws {
    let harvest = try sandbox.file(
      "harvest.csv",
      """
      Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,Approved?,First Name,Last Name
      2026-11-16,acme,ERP,E1,Support,Fixed SSO login,1.5,1.5,Yes,No,No,Luis,Gómez

      """)
    _ = try sandbox.succeed(["import", harvest, "--dry-run"])
    _ = try sandbox.succeed(["import", harvest, "--people-from-file"])
    #expect(try people() == ["Fixed SSO login": "Luis Gómez"])
  }

  @Test func peopleRenameMakesTwoNamesOneAndTheFileAgainAddsNothing() throws {
    _ = try sandbox.succeed(["log", "Daily standup", "15m", "-c", "acme", "--date", "2026-11-18"])
    _ = try sandbox.succeed(["import", toggl, "--people-from-file"])
    #expect(try sandbox.succeed(["people", "rename", "Ana Ruiz", "ana"]) == "Renamed 'Ana Ruiz' to 'ana': 1 entry.\n")
    #expect(
      try sandbox.succeed(["people", "rename", "Luis Gómez", " ana "]) == "Renamed 'Luis Gómez' to 'ana': 1 entry.\n")
    #expect(try people() == ["Fixed SSO login": "ana", "Warehouse Wi-Fi": "ana", "Daily standup": "ana"])
    #expect(
      try sandbox.succeed(["import", toggl]) == "Imported 0 entries from toggl; 2 already in the log, skipped.\n")
    #expect(try sandbox.run(["week", "-c", "acme"]).stdout.contains("Here is the work I did for acme"))
    try sandbox.refuse(
      ["people", "rename", "Marta", "ana"], status: 66,
      error: "'Marta' has no entry in the log; see who has work with 'tsheet report --rows person --by none'.")
    try sandbox.refuse(
      ["people", "rename", "ana", " "], status: 64,
      error: "' ' cannot name a person; give a name on one line, such as ana. (see 'tsheet people --help')")
  }

  @Test func mistakesAreOneLineAndTheLogUntouched() throws {
    _ = try sandbox.succeed(["log", "Daily standup", "15m", "-c", "acme", "--date", "2026-11-18"])
    try sandbox.refuse(
      ["import", toggl, "--person-map", "Ana Ruiz"], status: 64,
      error: "--person-map takes FROM=TO, e.g. \"Ana Ruiz=ana\"; got 'Ana Ruiz'. (see 'tsheet import --help')")
    try sandbox.refuse(
      ["import", toggl, "--person-map", "Ana=x", "--person-map", "ana=y"], status: 64,
      error: "--person-map renames 'ana' twice; give each name once. (see 'tsheet import --help')")
    try sandbox.refuse(
      ["import", toggl, "--as", "marta", "--people-from-file"], status: 64,
      error: "--as makes every row one person's, --people-from-file takes them from the file; give one. "
        + "(see 'tsheet import --help')")
  }
}
