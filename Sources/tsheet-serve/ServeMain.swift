import ArgumentParser
import Foundation
import TsheetCore
import TsheetKit
import TsheetServe
import TsheetServeOptions

/// `tsheet-serve`: the server `tsheet serve` starts in its place (see `tsheet serve --help`).
@main
struct ServeMain: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tsheet-serve", abstract: "The server of 'tsheet serve', which starts it: see 'tsheet serve --help'.")

  @OptionGroup var options: ServeOptions

  func run() async throws {
    let context = try Context(
      environment: ProcessInfo.processInfo.environment, databaseFlag: options.database, configFlag: options.config)
    try await WeekServer(context: context, host: options.host, port: options.port).run()
  }

  static func main() async {
    signal(SIGPIPE, SIG_IGN)  // a browser that goes away is the server's to handle
    do {
      var command = try parseAsRoot()
      if var command = command as? any AsyncParsableCommand {
        try await command.run()
      } else {
        try command.run()
      }
    } catch let error as any UserError {
      FileHandle.standardError.write(Data("Error: \(error)".escapingControlCharacters.utf8) + Data("\n".utf8))
      Foundation.exit(error.exitStatus.rawValue)
    } catch {
      exit(withError: error)
    }
  }
}
