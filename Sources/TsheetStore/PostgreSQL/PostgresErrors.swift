import Foundation
import NIOCore
import NIOPosix
import PostgresNIO
import TsheetTLS

extension PostgresSession {
  /// The user's view of what PostgresNIO or the server said about `target`; `StoreError`s pass through.
  static func translating(_ error: any Error, for target: PostgresURL) -> any Error {
    let url = target.redacted
    if error is StoreError { return error }
    let cause = (error as? PSQLError)?.underlying ?? error
    if let refusal = TLSRefusal(cause, host: target.host) {
      return StoreError.tlsFailed(url: url, refusal: refusal, caFile: target.rootCertificate)
    }
    if case ChannelError.connectTimeout(let deadline) = cause {
      return StoreError.serverDown(url: url, reason: "no answer within \(words(for: deadline))")
    }
    guard let error = error as? PSQLError else {
      return StoreError.serverDown(url: url, reason: reason(for: error))
    }
    switch error.code {
    case .server:
      let state = PostgresError.Code(raw: error.serverInfo?[.sqlState] ?? "")
      let message = error.serverInfo?[.message] ?? "server error \(state.raw)"
      if state == .readOnlySqlTransaction {
        return StoreError.notPermitted(
          url: url, role: target.user, action: "change the log: the server makes its sessions read-only",
          grant: "ALTER ROLE \(PostgresAccess.quoted(target.user)) SET default_transaction_read_only = off")
      }
      if state == .insufficientPrivilege {
        return StoreError.notPermitted(
          url: url, role: target.user, action: "use the log as asked (the server says: \(message))", grant: nil)
      }
      if refused.contains(state) { return StoreError.serverRefused(url: url, reason: message) }
      if down.contains(state) { return StoreError.serverDown(url: url, reason: message) }
      if busy.contains(state) { return StoreError.busy(path: url) }
      return StoreError.unexpectedShape(path: url, reason: message)
    case .sslUnsupported:
      return StoreError.tlsFailed(
        url: url, refusal: .failed("the server does not offer it"), caFile: target.rootCertificate)
    case .failedToAddSSLHandler:
      return StoreError.tlsFailed(url: url, refusal: .failed("it cannot be set up"), caFile: target.rootCertificate)
    case .authMechanismRequiresPassword:
      return StoreError.serverRefused(url: url, reason: "it asks for a password: set PGPASSWORD or add it to ~/.pgpass")
    case .unsupportedAuthMechanism, .saslError:
      return StoreError.serverRefused(url: url, reason: "its login method is not one tsheet speaks")
    case .unexpectedBackendMessage, .messageDecodingFailure:
      return StoreError.serverRefused(
        url: url, reason: "it does not answer as a PostgreSQL server does; check the port")
    case .serverClosedConnection, .uncleanShutdown:
      return StoreError.serverDown(url: url, reason: "the server closed the connection")
    default:
      return StoreError.serverDown(url: url, reason: error.underlying.map(reason(for:)) ?? "\(error.code)")
    }
  }

  /// Why connecting failed, in the system's words ("Connection refused") rather than NIO's structures.
  private static func reason(for error: any Error) -> String {
    let failure = (error as? NIOConnectionError)?.connectionErrors.first?.error ?? error
    if let failure = failure as? IOError { return String(cString: strerror(failure.errnoCode)) }
    if let error = error as? NIOConnectionError, let lookup = error.dnsAError ?? error.dnsAAAAError {
      return "its name cannot be looked up (\(lookup))"
    }
    return "\(failure)"
  }

  /// The server's refusals: wrong user or password, no such database.
  private static let refused: [PostgresError.Code] = [
    .invalidAuthorizationSpecification, .invalidPassword, .invalidCatalogName,
  ]
  /// The server going away or full: trying again later may help.
  private static let down: [PostgresError.Code] = [
    .adminShutdown, .crashShutdown, .cannotConnectNow, .tooManyConnections, .connectionFailure,
    .sqlclientUnableToEstablishSqlconnection,
  ]
  /// Another member's transaction in the way.
  private static let busy: [PostgresError.Code] = [.serializationFailure, .deadlockDetected, .lockNotAvailable]
}
