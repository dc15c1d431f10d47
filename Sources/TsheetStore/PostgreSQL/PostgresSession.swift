import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import Synchronization
import TsheetCore
import TsheetTLS

/// One connection to the server, used as the rest of tsheet uses a store: synchronously, from one thread.
/// Each call waits for PostgresNIO's answer on the shared event loop, and no longer than its deadline: a
/// future of a connection that died can wait forever.
final class PostgresSession: Sendable {
  let connection: PostgresConnection
  /// The server, as the user gave it.
  let target: PostgresURL
  /// The server as messages name it (no password).
  var url: String { target.redacted }
  /// Why the connection was lost, once it was: every later call fails at once with it.
  private let lost = Mutex<StoreError?>(nil)

  /// How long each call after connecting may take before the server counts as lost: a lock another member
  /// holds is waited for `lockDeadline` (as SQLite's busy timeout), and no statement tsheet sends takes long.
  static let callDeadline = TimeAmount.seconds(30)
  /// How long a write waits for the lock another member's write holds before it is busy (try again), as
  /// PostgreSQL's `lock_timeout` reads it.
  static let lockDeadline = "10s"

  /// Connects and logs in within `connectDeadline`, the URL's `connect_timeout` when nil.
  /// - Throws: `StoreError.serverDown` (75), `.serverRefused` or `.tlsFailed` (69).
  init(_ target: PostgresURL, environment: [String: String], connectDeadline: TimeAmount? = nil) throws {
    self.target = target
    let deadline = connectDeadline ?? .seconds(Int64(target.connectTimeout))
    var configuration = PostgresConnection.Configuration(
      host: target.host, port: target.port, username: target.user,
      password: target.password(environment: environment), database: target.database,
      tls: try Self.tls(for: target))
    configuration.options.connectTimeout = deadline
    configuration.options.additionalStartupParameters = [
      ("application_name", "tsheet"),
      ("lock_timeout", Self.lockDeadline),
    ]
    let connecting = PostgresConnection.connect(
      on: MultiThreadedEventLoopGroup.singleton.next(),
      configuration: configuration, id: 1, logger: Self.logger)
    do {
      connection = try Self.answer(connecting, within: deadline, url: target.redacted)
    } catch {
      connecting.whenSuccess {
        let late: EventLoopFuture<Void> = $0.close()
        _ = late
      }  // closed when it comes late
      throw Self.translating(error, for: target)
    }
  }

  deinit {
    let closing: EventLoopFuture<Void> = connection.close()
    _ = try? closing.wait()  // a local close: it ends whatever the server does
  }

  /// `future`'s value, or `StoreError.serverDown` when it has none within `deadline`.
  private static func answer<T>(_ future: EventLoopFuture<T>, within deadline: TimeAmount, url: String) throws -> T {
    let answer = future.eventLoop.makePromise(of: T.self)
    future.cascade(to: answer)
    let timeout = future.eventLoop.scheduleTask(in: deadline) {
      answer.fail(StoreError.serverDown(url: url, reason: "no answer within \(Self.words(for: deadline))"))
    }
    defer { timeout.cancel() }
    return try answer.futureResult.wait()
  }

  /// `deadline` as a person says it: "10 seconds", "500 milliseconds".
  static func words(for deadline: TimeAmount) -> String {
    let milliseconds = deadline.nanoseconds / 1_000_000
    return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) seconds" : "\(milliseconds) milliseconds"
  }

  /// The TLS settings `sslmode` asks for. Closing waits a second at most for the server's goodbye.
  private static func tls(for target: PostgresURL) throws -> PostgresConnection.Configuration.TLS {
    var settings = TLSConfiguration.makeClientConfiguration()
    settings.shutdownTimeout = .seconds(1)
    switch target.tls {
    case .disable: return .disable
    case .prefer, .require: settings.certificateVerification = .none
    case .verifyFull:
      settings.certificateVerification = .fullVerification
      if let path = target.rootCertificate {
        do {
          settings.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
        } catch {
          throw StoreError.badURL("the CA file '\(path.echoed())' of sslrootcert cannot be read as PEM")
        }
      }
    }
    do {
      let context = try NIOSSLContext(configuration: settings)
      return target.tls == .prefer ? .prefer(context) : .require(context)
    } catch {
      throw StoreError.tlsFailed(
        url: target.redacted, refusal: TLSRefusal(error, host: target.host) ?? .failed("\(error)"),
        caFile: target.rootCertificate)
    }
  }

  /// Runs `sql` with `binds` ($1, $2…) and returns every row, within `callDeadline`. When the connection is
  /// lost, or the deadline passes, the connection is closed (the server rolls back what was not committed)
  /// and this and every later call throws `StoreError.serverDown` at once.
  @discardableResult
  func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> [PostgresRow] {
    do {
      if let loss = lost.withLock({ $0 }) { throw loss }
      // A query sent on a closed connection is dropped unanswered.
      if connection.isClosed { throw StoreError.serverDown(url: url, reason: "the server closed the connection") }
      let result = connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: Self.logger)
      return Array(try Self.answer(result, within: Self.callDeadline, url: url).rows)
    } catch {
      let translated = Self.translating(error, for: target)
      if case StoreError.serverDown = translated {
        lost.withLock { $0 = $0 ?? translated as? StoreError }
        connection.close().whenComplete { _ in }
      }
      throw translated
    }
  }

  /// Runs `script`, statements without values, each ended by a semicolon at the end of a line (outside the
  /// `$$` of a function's body).
  func run(script: String) throws {
    var statement = ""
    var inBody = false
    for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
      statement += line + "\n"
      if line.components(separatedBy: "$$").count % 2 == 0 { inBody.toggle() }
      if !inBody, line.hasSuffix(";") {
        try query(statement)
        statement = ""
      }
    }
    if !statement.allSatisfy(\.isWhitespace) { try query(statement) }
  }

  static let logger = Logger(label: "tsheet", factory: { _ in SwiftLogNoOpLogHandler() })
}
