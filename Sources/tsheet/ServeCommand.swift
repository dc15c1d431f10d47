import ArgumentParser
import Foundation
import TsheetCore
import TsheetServeOptions

struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Show the week in a browser: a local web server on 127.0.0.1.",
    discussion: """
      Prints the server's address with a one-time sign-in token: open it, and the browser is signed in \
      (a session cookie) until the server stops. The page shows the week just ended (on a Monday), hours by \
      person and day (in a personal log, by client and day), the workdays with nothing logged, and the weeks \
      before and after. Ctrl-C stops the server.

      It listens on 127.0.0.1 only: no TLS is configured. To reach it on a server, forward the port: \
      ssh -L 8080:127.0.0.1:8080 server, then open the address it printed on your own machine.

      The server is the program tsheet-serve, installed beside tsheet.

      Examples:
        tsheet serve
        tsheet serve --port 9000
      """)

  @OptionGroup var options: ServeOptions

  func run() throws {
    try ServeLauncher(executable: ServeLauncher.runningExecutable()).exec(options.arguments)
  }
}

/// Starts `tsheet-serve`, found beside the running `tsheet`, in place of this process: the main binary links no
/// web server, which every other command would pay for at start-up.
struct ServeLauncher {
  /// The running binary's path.
  let executable: String

  /// The running binary, as the kernel knows it (`/proc/self/exe`), else as it was started.
  static func runningExecutable() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }

  /// `tsheet-serve` in the running binary's folder.
  var server: String { executable.folderPart + "/tsheet-serve" }

  /// Replaces this process with `tsheet-serve arguments`; returns only by throwing.
  /// - Throws: `ServeLaunchError` when it is missing or cannot be started.
  func exec(_ arguments: [String]) throws -> Never {
    let server = server
    guard FileManager.default.isExecutableFile(atPath: server) else { throw ServeLaunchError.missing(server) }
    let argv = ([server] + arguments).map { strdup($0) } + [nil]
    execv(server, argv)
    throw ServeLaunchError.unstartable(server, String(cString: strerror(errno)))
  }
}

/// Why `tsheet serve` could not start its server.
enum ServeLaunchError: UserError {
  case missing(String)
  case unstartable(String, String)

  var exitStatus: ExitStatus { .unavailable }
  var description: String {
    switch self {
    case .missing(let path):
      "\(path) is missing: tsheet serve needs tsheet-serve beside tsheet; reinstall the package, or build it "
        + "with swift build --product tsheet-serve."
    case .unstartable(let path, let reason): "\(path) could not be started (\(reason)); reinstall the package."
    }
  }
}
