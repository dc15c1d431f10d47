import Testing
import TsheetCore

@testable import TsheetKit

/// `[imap]`: the keys `[smtp]` has, with IMAP's ports, and its own (folders, sent_folder, save_sent).
@Suite struct IMAPConfigTests {
  @Test func readsTheTableWithIMAPsPorts() throws {
    let config = try Config(
      toml: """
        [imap]
        host = "imap.consult.es"
        security = "tls"
        username = "ana@consult.es"
        folders = ["Clients", "Acme/2026"]
        sent_folder = "Sent Items"
        save_sent = "never"
        """, file: "c.toml")
    let imap = try #require(config.imap)
    #expect(imap.server.port == 993)
    #expect(imap.server.section == "imap")
    #expect(imap.folders == ["Clients", "Acme/2026"])
    #expect(imap.sentFolder == "Sent Items")
    #expect(!imap.appendsSent)
    let starttls = try Config(toml: "[imap]\nhost = \"h\"\nusername = \"u\"", file: "c.toml").imap
    #expect(starttls?.server.port == 143)
    #expect(starttls?.saveSent == .auto && starttls?.appendsSent == true)
  }

  @Test func gmailFilesItsOwnSentMailUnlessAlways() throws {
    let auto = try Config(toml: "[imap]\nhost = \"imap.gmail.com\"\nusername = \"a@gmail.com\"", file: "c.toml")
    #expect(auto.imap?.appendsSent == false)
    let always = try Config(
      toml: "[imap]\nhost = \"IMAP.GMAIL.COM\"\nusername = \"a@gmail.com\"\nsave_sent = \"always\"",
      file: "c.toml")
    #expect(always.imap?.appendsSent == true)
  }

  @Test(arguments: [
    ("[imap]\nhost = \"h\"", "'imap.username' must be set to the mailbox's login"),
    (
      "[imap]\nhost = \"h\"\nusername = \"u\"\nsave_sent = \"yes\"",
      "'imap.save_sent' must be \"auto\", \"always\" or \"never\""
    ),
    (
      "[imap]\nhost = \"h\"\nusername = \"u\"\nfolders = \"Clients\"",
      "'imap.folders' must be a list of folder names such as [\"Clients\"]"
    ),
    (
      "[imap]\nhost = \"h\"\nusername = \"u\"\nfolders = [\"a\\r\\nb\"]",
      "'imap.folders' must be a list of folder names such as [\"Clients\"]"
    ),
    (
      "[imap]\nhost = \"h\"\nusername = \"u\"\npassword = \"x\"",
      "'imap.password' must be absent: keep the password out of files, use password_env or password_command"
    ),
    (
      "[imap]\nhost = \"imap.example.com\"\nusername = \"u\"\nsecurity = \"none\"",
      "'imap.security' must be \"starttls\" or \"tls\" for a remote host (or set allow_insecure = true)"
    ),
  ])
  func refusesABadTable(toml: String, message: String) {
    #expect(throws: ConfigError.self) { try Config(toml: toml, file: "c.toml") }
    do { _ = try Config(toml: toml, file: "c.toml") } catch { #expect(error.description == "c.toml: " + message + ".") }
  }

  @Test func namesItsKeysWhenOneIsUnknown() {
    #expect(
      throws: ConfigError.unknownKey(
        file: "c.toml", key: "imap.sent",
        known: [
          "host", "port", "security", "username", "auth", "password_env", "password_command", "token_command",
          "ca_file", "allow_insecure", "folders", "sent_folder", "save_sent",
        ])
    ) {
      try Config(toml: "[imap]\nhost = \"h\"\nusername = \"u\"\nsent = \"x\"", file: "c.toml")
    }
  }
}
