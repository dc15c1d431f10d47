import Foundation
import NIOSSL

/// Why a TLS handshake failed, in a user's words. NIOSSL's errors print BoringSSL's error stack, with numeric
/// codes and the source paths of the machine that built it; this keeps only what a user can act on.
package enum TLSRefusal: Equatable, Sendable, CustomStringConvertible {
  /// The certificate is one the client trusts, but for other names than the host it connected to.
  case nameMismatch(host: String)
  /// No CA the client trusts signed the certificate, or it is out of date.
  case untrusted
  /// Any other failure, in BoringSSL's reason words ("wrong version number").
  case failed(String)

  /// The refusal `error` stands for, when it is one of NIOSSL's; `host` is the name the certificate was
  /// checked against.
  package init?(_ error: any Error, host: String) {
    switch error {
    case let error as NIOSSLExtraError where error == .failedToValidateHostname:
      self = .nameMismatch(host: host)
    case NIOSSLError.handshakeFailed(let stack):
      self = Self.reading(stack)
    case let error as BoringSSLError:
      self = Self.reading(error)
    case NIOSSLError.uncleanShutdown:
      self = .failed("the server closed the connection in the middle of TLS")
    case let error as NIOSSLError:
      self = .failed("\(error)")
    case let error as NIOSSLExtraError:
      self = .failed("\(error)".replacingOccurrences(of: "NIOSSLExtraError.", with: ""))
    default:
      return nil
    }
  }

  /// BoringSSL's error stack read by its reasons: `error:1000007d:SSL routines:OPENSSL_internal:
  /// CERTIFICATE_VERIFY_FAILED at /build/path/handshake.cc:393` is `certificate verify failed`.
  private static func reading(_ error: BoringSSLError) -> TLSRefusal {
    let reasons = "\(error)".components(separatedBy: "error:").dropFirst().compactMap { entry -> String? in
      let fields = (entry.components(separatedBy: " at ").first ?? "").split(separator: ":")
      guard fields.count == 4, let reason = fields.last else { return nil }
      return reason.lowercased().replacingOccurrences(of: "_", with: " ")
    }
    if reasons.contains("certificate verify failed") { return .untrusted }
    return .failed(reasons.isEmpty ? "the handshake failed" : reasons.joined(separator: ", "))
  }

  package var description: String {
    switch self {
    case .nameMismatch(let host): "the server's certificate does not name \(host)"
    case .untrusted: "the server's certificate is not trusted"
    case .failed(let reason): reason
    }
  }
}
