import HTTPTypes
import Hummingbird
import NIOCore

/// Refuses (421) a request whose Host is not this server's own address: a page of another site that made its
/// name point at 127.0.0.1 (DNS rebinding) reaches the port, but names itself in Host. A request with two Host
/// fields is refused (400) rather than judged by one of them.
struct HostCheck: RouterMiddleware {
  typealias Context = ServeContext
  /// The address the server listens on, such as 127.0.0.1 or ::1.
  let host: String

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let port = context.localPort ?? 0
    guard request.headers[values: Self.secondHost].isEmpty else {
      return Page.problem(.badRequest, "This request names its host twice; send one Host field.")
    }
    guard let authority = request.head.authority, Self.names(authority.lowercased(), host: host, port: port) else {
      return Page.problem(.misdirectedRequest, "This server answers only to http://\(Self.authority(host, port))/.")
    }
    return try await next(request, context)
  }

  /// A Host field beyond the first: the HTTP types take the first as the request's authority and keep the others.
  static let secondHost = HTTPField.Name("Host")!

  /// Whether `authority` (a Host header, or an Origin without its scheme) is `host:port` or `localhost:port`.
  static func names(_ authority: String, host: String, port: Int) -> Bool {
    authority == Self.authority(host, port) || authority == "localhost:\(port)"
  }

  /// `127.0.0.1:8080`, or `[::1]:8080` for an IPv6 address.
  static func authority(_ host: String, _ port: Int) -> String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }
}
