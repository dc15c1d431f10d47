import Foundation
import Testing

/// The first hour's rough edges, through the built binary: what a newcomer types wrong, and what tsheet says.
@Suite struct RoughEdgeTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    _ = try sandbox.succeed(["log", "Fixed SSO login", "1h30m", "-c", "Cafés Núñez", "--date", "2026-11-17"])
  }

  @Test func aMistypedCommandGetsTheClosestOne() throws {
    try sandbox.refuse(
      ["lgo", "Fixed SSO", "1h"], status: 64,
      error: "'lgo' is not a tsheet command; did you mean 'log'? (see 'tsheet --help')")
    try sandbox.refuse(
      ["reprot"], status: 64,
      error: "'reprot' is not a tsheet command; did you mean 'report'? (see 'tsheet --help')")
    try sandbox.refuse(["frobnicate"], status: 64, error: "'frobnicate' is not a tsheet command (see 'tsheet --help')")
  }

  @Test func aConfigFileNamedButMissingIsAnError() throws {
    var missing = sandbox
    missing.environment["TSHEET_CONFIG"] = sandbox.folder + "/nope.toml"
    try missing.refuse(
      ["list"], status: 66,
      error:
        "the config file '\(sandbox.folder)/nope.toml' does not exist; check the path, or drop --config and TSHEET_CONFIG."
    )
    try sandbox.refuse(
      ["list", "--config", sandbox.folder + "/nope.toml"], status: 66,
      error:
        "the config file '\(sandbox.folder)/nope.toml' does not exist; check the path, or drop --config and TSHEET_CONFIG."
    )
  }

  @Test func hintsQuoteAClientAsTheShellNeeds() throws {
    try sandbox.configure("[mail]\nfrom = \"Ana Ruiz <ana@example.com>\"\n")
    try sandbox.refuse(
      ["week", "-c", "Cafés Núñez", "--format", "eml"], status: 65,
      error:
        "no recipients for Cafés Núñez; set them with tsheet clients set 'Cafés Núñez' --to ADDRESS [--cc ADDRESSES].")
  }

  @Test func theConfirmationOfAWrittenEmailListsCcUnderCc() throws {
    try sandbox.configure("[mail]\nfrom = \"Ana Ruiz <ana@example.com>\"\n")
    _ = try sandbox.succeed(["clients", "set", "Cafés Núñez", "--to", "marta@cafes.es", "--cc", "it@cafes.es"])
    let path = sandbox.folder + "/week.eml"
    let run = try sandbox.run(["week", "-c", "Cafés Núñez", "--format", "eml", "-o", path])
    #expect(run.stdout.hasSuffix("\nTo: marta@cafes.es\nCc: it@cafes.es\n"))
  }

  @Test func aPeriodWithoutHoursIsNamed() throws {
    #expect(try sandbox.succeed(["week", "--period", "day", "--date", "2026-11-18"]) == "No hours that day.\n")
    #expect(try sandbox.succeed(["week", "--period", "month", "--month", "2026-10"]) == "No hours that month.\n")
    #expect(try sandbox.succeed(["week", "--week", "this"]) == "No hours that week.\n")
  }

  @Test func anUnsignedEmailSaysHowToSignIt() throws {
    let run = try sandbox.run(["week", "-c", "Cafés Núñez"])
    #expect(run.status == 0)
    #expect(
      run.stderr
        == "Note: the email is signed by nobody yet; set your name and address in the config, e.g. from = \"Ana Ruiz <ana@example.com>\" under [mail].\n"
    )
    try sandbox.configure("[mail]\nfrom = \"Ana Ruiz <ana@example.com>\"\n")
    let signed = try sandbox.run(["week", "-c", "Cafés Núñez"])
    #expect(signed.stderr == "" && signed.stdout.hasSuffix("Best regards,\nAna Ruiz\n"))
  }

  /// Sections nested over the days would render 7¹² times: the template is refused before it runs, by
  /// `templates check` and by `week`.
  @Test func aTemplateThatWouldRenderForEverIsRefused() throws {
    let folder = sandbox.folder + "/templates"
    try FileManager.default.createDirectory(atPath: folder + "/en", withIntermediateDirectories: true)
    let nested = String(repeating: "{{#days}}", count: 12) + "{{label}}" + String(repeating: "{{/days}}", count: 12)
    try sandbox.write(nested, to: folder + "/en/week.txt.mustache")
    let error =
      "\(folder)/en/week.txt.mustache would write more than 32 MB for one email; nest fewer sections over the lists, or include fewer partials."
    try sandbox.refuse(["templates", "check", folder], status: 65, error: error)
    try sandbox.configure("templates_dir = \"\(folder)\"\n")
    let started = Date()
    try sandbox.refuse(["week", "-c", "Cafés Núñez"], status: 65, error: error)
    #expect(Date().timeIntervalSince(started) < 10)
  }

  @Test func aTemplateThatIsNotUTF8IsNamedAsSuch() throws {
    let folder = sandbox.folder + "/templates"
    try FileManager.default.createDirectory(atPath: folder + "/en", withIntermediateDirectories: true)
    _ = FileManager.default.createFile(
      atPath: folder + "/en/week.txt.mustache",
      contents: Data("Hola, {{client}} – año\u{0}".utf8.prefix(12) + [0xF1, 0x6F]))
    try sandbox.refuse(
      ["templates", "check", folder], status: 65,
      error:
        "'\(folder)/en/week.txt.mustache' is not UTF-8 text (byte 12); save it as UTF-8, e.g. iconv -f windows-1252 -t utf-8."
    )
  }

  @Test func mergingAClientIntoItselfIsRefused() throws {
    try sandbox.refuse(
      ["clients", "merge", "cafés núñez", "Cafés Núñez"], status: 64,
      error:
        "'cafés núñez' and 'Cafés Núñez' are the same client (names match without regard to case); to change how it is written, use tsheet clients rename 'cafés núñez' 'Cafés Núñez'."
    )
    #expect(try sandbox.succeed(["clients", "rename", "cafés núñez", "CAFÉS NÚÑEZ"]).contains("CAFÉS NÚÑEZ"))
  }

  @Test func aNegativeLimitIsNamedAsSuch() throws {
    try sandbox.refuse(
      ["list", "--limit", "-1"], status: 64,
      error: "--limit must be 0 or more (0: no limit). (see 'tsheet list --help')")
  }

  /// `--json` wherever `--format json` is offered, and a prompt's `status` that creates nothing.
  @Test func statusAsJSONInANewAccountCreatesNoLog() throws {
    var fresh = sandbox
    fresh.environment["TSHEET_DB"] = sandbox.folder + "/new/tsheet.sqlite"
    let status = try fresh.run(["status", "--json"])
    #expect(status.status == 1 && status.stdout == "null\n" && status.stderr == "")
    #expect(try fresh.run(["list", "--json"]).stdout == "[]\n")
    for command in [["report"], ["clients"], ["sent"], ["gaps"], ["week"], ["list"]] {
      #expect(try fresh.run(command).status == 0, "\(command)")
    }
    #expect(!FileManager.default.fileExists(atPath: sandbox.folder + "/new"))
    #expect(
      try sandbox.run(["list", "--json"]).stdout.contains("\"title\" : \"Fixed SSO login\"")
        || sandbox.run(["list", "--json"]).stdout.contains("\"title\":\"Fixed SSO login\""))
  }

  /// A `[clients.X]` section for a client the log does not know is not moved into the log: it is named, with the
  /// nearest.
  @Test func aConfigSectionForAnUnknownClientIsNamedAndNotMoved() throws {
    try sandbox.configure("[clients.\"cafes nunez\"]\nrounding = \"15m\"\n[clients.globex]\nrounding = \"30m\"\n")
    let report = try sandbox.run(["report"])
    #expect(report.status == 0)
    #expect(
      report.stderr == """
        Warning: the config's [clients.cafes nunez] names no client of the log, so it was not moved into the log and bills nobody; did you mean [clients."Cafés Núñez"]?
        Warning: the config's [clients.globex] names no client of the log, so it was not moved into the log and bills nobody; check the name with tsheet clients.

        """)
  }

  @Test func aTemplateFileLargerThanAnEmailNeedsIsRefusedAtOnce() throws {
    let folder = sandbox.folder + "/templates"
    try FileManager.default.createDirectory(atPath: folder + "/en", withIntermediateDirectories: true)
    try sandbox.write(String(repeating: "D", count: 40_000_000), to: folder + "/en/week.txt.mustache")
    let started = Date()
    try sandbox.refuse(
      ["templates", "check", folder], status: 65,
      error: "'\(folder)/en/week.txt.mustache' is larger than 1 MB, far more than an email needs; make it smaller.")
    #expect(Date().timeIntervalSince(started) < 5)
  }

  @Test func aConfigThatIsNotUTF8IsNamedAsSuchAndAnEmptyDeviceIsNoConfig() throws {
    _ = try sandbox.file("latin1.toml", Array("person = \"caf".utf8) + [0xE9, 0x22, 0x0A])
    try sandbox.refuse(
      ["list", "--config", sandbox.folder + "/latin1.toml"], status: 78,
      error:
        "the config file '\(sandbox.folder)/latin1.toml' is not UTF-8 text (byte 13); save it as UTF-8, e.g. iconv -f windows-1252 -t utf-8."
    )
    #expect(try sandbox.run(["list", "--config", "/dev/null"]).status == 0)
  }

  /// Foundation's path functions trap on a one-character path; tsheet splits paths itself.
  @Test func aLogNamedByOneCharacterWorks() throws {
    for name in ["a", "-", "~"] {
      let run = try sandbox.shell(
        #"cd "$1" && "$0" log "Short path" 1h -c acme --db "$2" && "$0" list --db "$2" --format csv"#,
        [sandbox.folder, name])
      #expect(run.status == 0, "--db \(name)")
      #expect(run.output.contains("Short path"))
    }
  }

  @Test func everyoneIsNoPersonsName() throws {
    try sandbox.refuse(
      ["log", "Work", "1h", "-c", "acme", "--as", "Everyone"], status: 65,
      error: "'everyone' stands for the whole log (tsheet off --everyone marks a holiday); name a person, such as ana.")
  }
}
