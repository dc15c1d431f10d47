import Foundation
import Testing
import TsheetTestSupport

/// Every member of a team bills the same hours: the clients' terms are the log's, whatever each member's
/// config says.
@Suite(.enabled(if: TeamServer.isAvailable)) struct TeamSettingsTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox(today: "2026-11-23")
  }

  /// The config of the member `name` (`person`, the team's `[mail] from` and the tables `sections`), written
  /// beside the sandbox's: `--config` picks it.
  func config(_ name: String, _ sections: String) throws -> String {
    let path = sandbox.folder + "/\(name).toml"
    try sandbox.write(
      "workdays = []\nperson = \"\(name)\"\n[mail]\nfrom = \"Consult <team@consult.es>\"\n" + sections, to: path)
    return path
  }

  @Test func twoMembersWithDifferentConfigsSeeTheSameBilledHoursAndEmail() throws {
    let team = try TeamServer.newDatabase().url
    let ana = try config("ana", "[clients.acme]\nrounding = \"30m\"\nmonthly_hours = 10\n")
    let luis = try config("luis", "[clients.acme]\nrounding = \"15m\"\n")
    func run(_ member: String, _ arguments: [String]) throws -> Sandbox.Run {
      try sandbox.run(arguments + ["--db", team, "--config", member])
    }
    for (member, title, duration, date) in [
      (ana, "Fixed SSO login", "40m", "2026-11-16"), (luis, "Warehouse Wi-Fi", "20m", "2026-11-17"),
    ] {
      let logged = try run(member, ["log", title, duration, "-c", "acme", "--date", date])
      #expect(logged.status == 0 && logged.stderr == "", "log writes no terms: \(logged.stderr)")
    }
    let report = ["report", "--by", "none", "--rows", "client,person"]
    let anasReport = try run(ana, report)
    #expect(anasReport.stderr.hasPrefix("Moved the config's [clients.acme] (rounded up to 30m, 10 hours a month)"))
    #expect(anasReport.stderr.split(separator: "\n").count == 1)
    let luissReport = try run(luis, report)
    #expect(
      luissReport.stderr == """
        Warning: the config's [clients.acme] is ignored: the log bills acme by other terms (tsheet clients show acme); to bill by the section's, run tsheet clients set acme --rounding 15m --rounding-mode up --monthly-hours none, then delete the section.

        """)
    #expect(luissReport.stdout == anasReport.stdout)
    #expect(anasReport.stdout.contains("Total          1:30"), "40m and 20m billed up to 30m each")
    let week = ["week", "-c", "acme", "--week", "last"]
    let anasEmail = try run(ana, week).stdout
    #expect(anasEmail.contains("1.50"), "the week billed by the log's 30m")
    #expect(try run(luis, week).stdout == anasEmail)
    #expect(try run(luis, ["clients", "set", "acme", "--rounding", "15m"]).status == 0)
    #expect(try run(ana, report).stdout.contains("Total          1:15"), "luis's change is ana's too")
  }
}
