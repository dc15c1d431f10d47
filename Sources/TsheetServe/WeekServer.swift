import Dispatch
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import TsheetCore
import TsheetKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `tsheet serve`: the week's pages on `host:port`, for the browser that opens the printed address.
package struct WeekServer: Sendable {
  let context: Context
  let host: String
  let port: Int
  let signIn: SignIn
  let limits: Limits

  /// What one client may hold of the server: a client that opens connections and sends nothing must not take
  /// every file descriptor, nor keep the browser out for long.
  package struct Limits: Sendable {
    /// How long a connection may go without a whole request head (or between requests) before it is closed.
    package var idleTimeout: Duration
    /// How many connections are served at once; more wait in the system's queue until one closes.
    package var connections: Int

    package init(idleTimeout: Duration = .seconds(10), connections: Int = 64) {
      (self.idleTimeout, self.connections) = (idleTimeout, connections)
    }
  }

  /// A server of `context`'s log on `host` (a loopback address) and `port` (0: any free one).
  package init(context: Context, host: String, port: Int, signIn: SignIn = SignIn(), limits: Limits = Limits()) {
    self.context = context
    self.host = host
    self.port = port
    self.signIn = signIn
    self.limits = limits
  }

  /// The application; once it listens, `onRunning` is given its port. Only errors are logged, on standard error.
  package func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    var logger = Logger(label: "tsheet-serve") { StreamLogHandler.standardError(label: $0) }
    logger.logLevel = Logger.Level.error
    let (port, idleTimeout) = (port, limits.idleTimeout)
    return Application(
      router: ServeRoutes(context: context, signIn: signIn).router(host: host),
      server: HTTPServerBuilder { ServeChannel(responder: $0, idleTimeout: idleTimeout) },
      configuration: ApplicationConfiguration(
        address: .hostname(host, port: port), serverName: nil,
        availableConnectionsDelegate: MaximumAvailableConnections(limits.connections)),
      onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
      logger: logger)
  }

  /// How long a page being made may hold up the stop after SIGINT or SIGTERM (a team's server that does not
  /// answer, a large report): then the process ends anyway.
  package static let stopDeadline = 3

  /// Serves until SIGINT or SIGTERM: prints the sign-in address once it listens, and one line once stopped,
  /// within `stopDeadline` seconds of the signal.
  /// - Throws: `ServeError.portInUse` when another program holds the port.
  package func run() async throws {
    let deadlines = Self.endingAfterTheStopDeadline()
    defer { deadlines.forEach { $0.cancel() } }
    let (host, signIn) = (host, signIn)
    let application = application { port in
      let token = await signIn.unspentToken ?? ""
      Self.say(
        "tsheet serve: open http://\(HostCheck.authority(host, port))/sign-in?token=\(token) to sign in (once); Ctrl-C stops it."
      )
    }
    do {
      try await application.runService()
    } catch let error as IOError where error.errnoCode == EADDRINUSE {
      throw ServeError.portInUse(host: host, port: port)
    }
    Self.say("tsheet serve stopped.")
  }

  /// Sources that end the process `stopDeadline` seconds after SIGINT or SIGTERM, should the graceful stop the
  /// application begins on the same signals still wait for a page. (The application's own sources stay: each
  /// source of a signal hears it.)
  private static func endingAfterTheStopDeadline() -> [any DispatchSourceSignal] {
    [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(stopDeadline)) {
          say("tsheet serve stopped, without waiting for the page still being made.")
          exit(0)
        }
      }
      source.resume()
      return source
    }
  }

  /// Writes `line` to standard output at once: a script (or a test) waits for it.
  private static func say(_ line: String) {
    try? Output.standard.write(line + "\n")
  }
}

/// Why the server cannot run.
package enum ServeError: UserError, Equatable {
  case portInUse(host: String, port: Int)

  package var exitStatus: ExitStatus { .unavailable }
  package var description: String {
    switch self {
    case .portInUse(let host, let port):
      "\(host):\(port) is in use by another program; give another --port (or --port 0 for any free one)."
    }
  }
}
