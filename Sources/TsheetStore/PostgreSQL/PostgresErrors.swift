import NIOCore
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
            return StoreError.serverDown(url: url, reason: "\(error)")
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "server error \(state)"
            switch state {
            case "28000", "28P01", "3D000", "42501": return StoreError.serverRefused(url: url, reason: message)
            case "57P01", "57P02", "57P03", "53300", "08006", "08001": return StoreError.serverDown(url: url, reason: message)
            case "40001", "40P01", "55P03": return StoreError.busy(path: url)
            default: return StoreError.unexpectedShape(path: url, reason: message)
            }
        case .sslUnsupported:
            return StoreError.tlsFailed(url: url, refusal: .failed("the server does not offer it"), caFile: target.rootCertificate)
        case .failedToAddSSLHandler:
            return StoreError.tlsFailed(url: url, refusal: .failed("it cannot be set up"), caFile: target.rootCertificate)
        case .authMechanismRequiresPassword:
            return StoreError.serverRefused(url: url, reason: "it asks for a password: set PGPASSWORD or add it to ~/.pgpass")
        case .unsupportedAuthMechanism, .saslError:
            return StoreError.serverRefused(url: url, reason: "its login method is not one tsheet speaks")
        case .serverClosedConnection, .uncleanShutdown:
            return StoreError.serverDown(url: url, reason: "the server closed the connection")
        default:
            return StoreError.serverDown(url: url, reason: error.underlying.map { "\($0)" } ?? "\(error.code)")
        }
    }
}
