import ArgumentParser
import Foundation
import TsheetKit

struct MailCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mail",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Sign in to Microsoft 365, Gmail or another OAuth2 mail provider, for [smtp] auth = \"oauth2\".",
    discussion: """
      The provider and the app's client ID are set in the config's [oauth2] table; the README says how to \
      register an app. The tokens are kept in $XDG_STATE_HOME/tsheet/oauth2.json (mode 0600) and never shown.

      Examples:
        tsheet mail login
        tsheet mail login --device
        tsheet mail status
        tsheet mail logout
      """,
    subcommands: [Login.self, Status.self, Logout.self])

  struct Login: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "login", abstract: "Sign in once in a browser; tsheet keeps the refresh token.")

    @Flag(help: "Sign in on another device with a code (for a machine without a browser).")
    var device = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = try global.context()
      let status = try MailLogin(context).signIn(device: device) { line in try? write(line + "\n") }
      try write(Terminal(context).mailLogin(status))
    }
  }

  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "status", abstract: "Say who is signed in, and until when the access token holds.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let context = try global.context()
      guard let status = try MailLogin(context).status() else {
        try write("Not signed in; run tsheet mail login.\n")
        return
      }
      try write(Terminal(context).mailLogin(status))
    }
  }

  struct Logout: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "logout", abstract: "Forget the stored sign-in and its tokens.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let removed = try MailLogin(try global.context()).signOut()
      try write(removed ? "Signed out; the tokens are forgotten.\n" : "Nobody was signed in.\n")
    }
  }
}
