import ArgumentParser
import TsheetKit

struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Try tsheet on a sample month, in a temporary database.",
    discussion: """
      Your own log is not touched: the demo writes a new database in a temporary folder, lists last week, \
      then writes the Monday email to the sample client beside it.
      """)

  func run() throws {
    let context = try GlobalOptions.defaultContext()
    let demo = try Demo(context).run()
    try write(
      """
      A sample month of work for three clients is in \(demo.databasePath)

      Last week (tsheet list --week last):


      """)
    try write(Terminal(context).entries(demo.lastWeek, as: .table))
    try write(
      """

      The Monday email to acme (tsheet week -c acme --format eml -o \(demo.emailPath)):

      Subject: \(demo.email.subject)
      \(demo.email.addressLines)

      \(demo.email.text)
      The whole message, ready to open in a mail client, is in \(demo.emailPath)
      Try it yourself: TSHEET_DB=\(demo.databasePath) tsheet week -c "Cafés Núñez"

      """)
  }
}
