import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import TsheetCore

/// One connection to the server, used as the rest of tsheet uses a store: synchronously, from one thread.
/// Each call waits for PostgresNIO's answer on the shared event loop.
final class PostgresSession: Sendable {
    let connection: PostgresConnection
    /// The server as messages name it (no password).
    let url: String

    /// How long connecting may take, start to finish, before the server counts as down.
    static let connectDeadline = TimeAmount.seconds(10)

    /// Connects and logs in.
    /// - Throws: `StoreError.serverDown` or `.serverRefused` within `connectDeadline`.
    init(_ target: PostgresURL, environment: [String: String]) throws {
        url = target.redacted
        var configuration = PostgresConnection.Configuration(
            host: target.host, port: target.port, username: target.user,
            password: target.password(environment: environment), database: target.database,
            tls: try Self.tls(for: target))
        configuration.options.connectTimeout = Self.connectDeadline
        configuration.options.additionalStartupParameters = [("application_name", "tsheet")]
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let connecting = PostgresConnection.connect(on: loop, configuration: configuration, id: 1,
                                                    logger: Logger(label: "tsheet", factory: { _ in SwiftLogNoOpLogHandler() }))
        let deadline = loop.makePromise(of: PostgresConnection.self)
        connecting.cascade(to: deadline)
        let timeout = loop.scheduleTask(in: Self.connectDeadline) {
            deadline.fail(StoreError.serverDown(url: target.redacted, reason: "no answer within 10 seconds"))
        }
        do {
            connection = try deadline.futureResult.wait()
            timeout.cancel()
        } catch {
            timeout.cancel()
            connecting.whenSuccess { let late: EventLoopFuture<Void> = $0.close(); _ = late } // closed when it comes late
            throw Self.translating(error, url: target.redacted)
        }
    }

    deinit {
        let closing: EventLoopFuture<Void> = connection.close()
        _ = try? closing.wait()
    }

    /// The TLS settings `sslmode` asks for.
    private static func tls(for target: PostgresURL) throws -> PostgresConnection.Configuration.TLS {
        var settings = TLSConfiguration.makeClientConfiguration()
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
            throw StoreError.serverRefused(url: target.redacted, reason: "TLS cannot be set up: \(error)")
        }
    }

    /// Runs `sql` with `binds` ($1, $2…) and returns every row.
    @discardableResult
    func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> [PostgresRow] {
        do {
            return Array(try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: Self.logger).wait().rows)
        } catch {
            throw Self.translating(error, url: url)
        }
    }

    /// Runs `script`, statements without values, each ended by a semicolon at the end of a line (outside the
    /// `$$` of a function's body).
    func run(script: String) throws {
        var statement = "", inBody = false
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
