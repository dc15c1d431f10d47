import NIOCore
import NIOSSL
import PostgresNIO

extension PostgresSession {
    /// The user's view of what PostgresNIO or the server said, for the server `url`; `StoreError`s pass through.
    static func translating(_ error: any Error, url: String) -> any Error {
        if error is StoreError { return error }
        if error is NIOSSLError || error is BoringSSLError {
            return StoreError.serverRefused(url: url, reason: "TLS failed: \(error)")
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
            return StoreError.serverRefused(url: url, reason: "the server does not offer TLS; use sslmode=disable only on a trusted network")
        case .failedToAddSSLHandler:
            return StoreError.serverRefused(url: url, reason: "TLS cannot be set up")
        case .authMechanismRequiresPassword:
            return StoreError.serverRefused(url: url, reason: "it asks for a password: set PGPASSWORD or add it to ~/.pgpass")
        case .unsupportedAuthMechanism, .saslError:
            return StoreError.serverRefused(url: url, reason: "its login method is not one tsheet speaks")
        default:
            let reason = error.underlying.map { "\($0)" } ?? "\(error.code)"
            if let underlying = error.underlying, underlying is NIOSSLError || underlying is BoringSSLError {
                return StoreError.serverRefused(url: url, reason: "TLS failed: \(underlying)")
            }
            return StoreError.serverDown(url: url, reason: reason)
        }
    }
}
