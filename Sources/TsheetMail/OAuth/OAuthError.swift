/// Why a sign-in or a token refresh failed. Every case names the provider's own words, escaped and cut short.
package enum OAuthError: Error, Equatable, CustomStringConvertible {
  /// An endpoint is neither https nor plain http on this machine.
  case insecureEndpoint(String)
  /// The endpoint could not be reached, or did not answer in time (`temporary`).
  case unreachable(url: String, reason: String, temporary: Bool)
  /// The endpoint answered with something that is not the JSON OAuth2 speaks.
  case unreadableAnswer(url: String, status: Int, reason: String)
  /// The provider said no: its `error` code and `error_description`.
  case refused(error: String, description: String?)
  /// The redirect carried another `state` than the one sent: not this sign-in's answer.
  case wrongState
  /// The browser step brought back an error instead of a code.
  case denied(error: String, description: String?)
  /// Nobody finished signing in before the deadline.
  case expired(seconds: Int)
  /// The loopback listener could not start.
  case listener(String)
  /// The provider has no device endpoint.
  case noDeviceFlow(provider: String)

  package var isTemporary: Bool {
    switch self {
    case .unreachable(_, _, let temporary): temporary
    case .refused(let error, _): ["temporarily_unavailable", "server_error"].contains(error)
    default: false
    }
  }

  package var description: String {
    switch self {
    case .insecureEndpoint(let url):
      "the OAuth2 endpoint '\(url.shown)' is not https; give an https:// URL in [oauth2]"
    case .unreachable(let url, let reason, true):
      "the OAuth2 endpoint \(url.shown) did not answer in time (\(reason.shown)); try again later"
    case .unreachable(let url, let reason, false):
      "cannot reach the OAuth2 endpoint \(url.shown) (\(reason.shown)); check [oauth2] and the network"
    case .unreadableAnswer(let url, let status, let reason):
      "the OAuth2 endpoint \(url.shown) answered " + (status > 0 ? "HTTP \(status) with " : "")
        + "\(reason); check its URL in [oauth2]"
    case .refused(let error, let description):
      "the provider refused: \(error.shown)" + (description.map { " (\($0.shown))" } ?? "")
        + (error == "invalid_grant" ? "; sign in again with tsheet mail login" : "; check [oauth2]")
    case .wrongState:
      "the sign-in's answer carried another state than tsheet sent (a stale or forged page); run tsheet mail login again"
    case .denied(let error, let description):
      "the sign-in was not granted: \(error.shown)" + (description.map { " (\($0.shown))" } ?? "")
        + "; run tsheet mail login again"
    case .expired(let seconds):
      "nobody finished signing in within \(seconds) seconds; run tsheet mail login again"
    case .listener(let reason):
      "cannot listen for the browser's answer on 127.0.0.1 (\(reason.shown)); try tsheet mail login --device"
    case .noDeviceFlow(let provider):
      "\(provider.shown) has no device sign-in; set [oauth2] device_url, or sign in without --device"
    }
  }
}

extension String {
  /// The text as a message quotes it: control characters escaped (`\n`, `\x1b`), at most 120 characters,
  /// so nothing a server says can drive the terminal or fill the screen.
  package var shown: String {
    var result = ""
    for scalar in unicodeScalars {
      switch scalar.value {
      case 0x0A: result += "\\n"
      case 0x0D: result += "\\r"
      case 0x09: result += "\\t"
      case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029: result += "\\x" + String(scalar.value, radix: 16)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result.count > 120 ? String(result.prefix(119)) + "…" : result
  }
}
