import Foundation
import Testing
import TsheetTestSupport

@Suite struct EmailTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox(today: "2026-11-23")
    try sandbox.configure(
      """
      [mail]
      from = "Ana Ruiz <ana@consult.es>"
      """)
    for (title, duration, date) in [
      ("Fixed SSO login", "1h40m", "2026-11-16"), ("Weekly sync", "45m", "2026-11-18"),
      ("Next week's work", "2h", "2026-11-24"),
    ] {
      _ = try sandbox.succeed(["log", title, duration, "-c", "acme", "--date", date])
    }
    _ = try sandbox.succeed([
      "clients", "set", "acme", "--to", "Marta Gil <marta@acme.com>",
      "--cc", "it@acme.com, \"Núñez, José\" <jose@acme.com>", "--rounding", "15m",
    ])
  }

  func writeEmail(_ arguments: [String], to name: String) throws -> [String: Any] {
    let path = sandbox.folder + "/" + name
    let output = try sandbox.succeed(["week", "-c", "acme", "--format", "eml", "-o", path] + arguments)
    #expect(output.hasPrefix("Wrote \(path): "))
    return try parseWithPython(try String(contentsOfFile: path, encoding: .utf8))
  }

  @Test func theWeeklyEmailIsAReplyAllInOneThread() throws {
    let first = try writeEmail([], to: "w47.eml")
    let headers = try #require(first["headers"] as? [String: String])
    #expect(headers["From"] == "Ana Ruiz <ana@consult.es>")
    #expect(headers["To"] == "Marta Gil <marta@acme.com>")
    #expect(headers["Cc"] == "it@acme.com, \"Núñez, José\" <jose@acme.com>")
    #expect(headers["Subject"] == "Timesheet acme: week 47, 16–22 November 2026")
    #expect(headers["In-Reply-To"] == nil)
    #expect(first["type"] as? String == "multipart/alternative")
    let parts = try #require(first["parts"] as? [[String: Any]])
    #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html"])
    #expect((parts[0]["body"] as? String)?.contains("Monday 16 November: 1.75 h") == true, "rounded up to 15m")
    #expect((first["defects"] as? [String])?.isEmpty == true)
    #expect((first["longest_line"] as? Int ?? 999) <= 998)

    let second = try writeEmail(["--week", "this"], to: "w48.eml")
    let next = try #require(second["headers"] as? [String: String])
    #expect(next["In-Reply-To"] == headers["Message-ID"])
    #expect(next["References"] == headers["Message-ID"])
    #expect(next["To"] == headers["To"])
    #expect(next["Cc"] == headers["Cc"])
    #expect(next["Message-ID"] != headers["Message-ID"])
  }

  @Test func replyToTakesTheThreadAndPeopleFromASavedMessage() throws {
    let saved = sandbox.folder + "/saved.eml"
    try sandbox.write(
      """
      From: =?iso-8859-1?Q?Marta_Gil?= <marta@acme.com>\r
      To: Ana Ruiz <ana@consult.es>, boss@acme.com\r
      Cc: it@acme.com, ANA@consult.es\r
      Subject: RE: Timesheet acme: week 46\r
      Message-ID: <CAF123@mail.acme.com>\r
      References: <older@consult.es>\r
      \r
      Thanks!\r
      """, to: saved)
    let reply = try writeEmail(["--reply-to", saved], to: "reply.eml")
    let headers = try #require(reply["headers"] as? [String: String])
    #expect(headers["To"] == "Marta Gil <marta@acme.com>, boss@acme.com")
    #expect(headers["Cc"] == "it@acme.com")
    #expect(headers["In-Reply-To"] == "<CAF123@mail.acme.com>")
    #expect(headers["References"] == "<older@consult.es> <CAF123@mail.acme.com>")
    let following = try writeEmail(["--week", "this"], to: "next.eml")
    #expect(
      (following["headers"] as? [String: String])?["To"] == "Marta Gil <marta@acme.com>, boss@acme.com",
      "the people of the reply are remembered")
  }

  @Test func spanishClientsGetSpanish() throws {
    _ = try sandbox.succeed(["clients", "set", "acme", "--lang", "es"])
    let text = try sandbox.succeed(["week", "-c", "acme", "--note", "El jueves paso por la oficina."])
    #expect(text.hasPrefix("Hola:\n\nEl jueves paso por la oficina.\n\n"))
    #expect(text.contains("Lunes 16 de noviembre: 1,75 h"))
    #expect(try sandbox.succeed(["week", "-c", "acme", "--lang", "en"]).hasPrefix("Hello,"))
    let html = try sandbox.succeed(["week", "-c", "acme", "--format", "html"])
    #expect(html.contains("<html lang=\"es\">"))
  }

  @Test func editOpensTheEditorForTheNote() throws {
    var editing = sandbox
    editing.environment["EDITOR"] = "printf 'I will be on site Thursday.\\n# not this line\\n' >"
    #expect(
      try editing.succeed(["week", "-c", "acme", "--edit"]).hasPrefix("Hello,\n\nI will be on site Thursday.\n\n"))
    editing.environment["EDITOR"] = "false"
    try editing.refuse(
      ["week", "-c", "acme", "--edit"], status: 69,
      error: "the editor 'false' failed; set EDITOR to a program that works, or use --note.")
  }

  @Test func aClientNameCannotCarryALineBreakIntoHeaders() throws {
    try sandbox.refuse(
      ["log", "x", "1h", "-c", "Evil\r\nBcc: victim@example.com"], status: 65,
      error: "the client name holds a line break or a control character; name it on one line.")
    try sandbox.refuse(
      ["clients", "rename", "acme", "acme\nBcc: victim@example.com"], status: 65,
      error: "the client name holds a line break or a control character; name it on one line.")
  }

  @Test func refusesWhatCannotBeSent() throws {
    try sandbox.refuse(
      ["clients", "set", "acme", "--to", "marta at acme"], status: 65,
      error:
        "the recipients of acme are wrong: 'marta at acme' is not an email address; write it as name@example.com or Name <name@example.com>; fix them with tsheet clients set acme --to …."
    )
    _ = try sandbox.succeed(["log", "x", "1h", "-c", "globex", "--date", "2026-11-17"])
    try sandbox.refuse(
      ["week", "-c", "globex", "--format", "eml"], status: 65,
      error: "no recipients for globex; set them with tsheet clients set globex --to ADDRESS [--cc ADDRESSES].")
    try sandbox.configure("")
    try sandbox.refuse(
      ["week", "-c", "acme", "--format", "eml"], status: 78,
      error: "no sender; set from = \"Your Name <you@example.com>\" under [mail] in the config file.")
    try sandbox.refuse(
      ["week", "--format", "eml"], status: 64,
      error: "name the client with -c for --format eml. (see 'tsheet week --help')")
  }

  @Test func templatesCheckNamesFileAndLine() throws {
    let folder = sandbox.folder + "/templates"
    #expect(try sandbox.succeed(["templates", "export", folder]).split(separator: "\n").count == 18)
    try sandbox.write("Hi {{#days}}\n{{/dayz}}\n", to: folder + "/en/week.txt.mustache")
    try sandbox.refuse(
      ["templates", "check", folder], status: 65,
      error:
        "\(folder)/en/week.txt.mustache line 2, column 4: a section is closed with another name than it was opened with; fix the template."
    )
    try sandbox.configure("templates_dir = \"\(folder)\"\n")
    try sandbox.refuse(
      ["week", "-c", "acme"], status: 65,
      error:
        "\(folder)/en/week.txt.mustache line 2, column 4: a section is closed with another name than it was opened with; fix the template."
    )
  }
}
