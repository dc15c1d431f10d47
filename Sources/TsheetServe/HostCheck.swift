import HTTPTypes
import Hummingbird
import NIOCore

/// Refuses (421) a request whose Host is not this server's own address: a page of another site that made its
/// name point at 127.0.0.1 (DNS rebinding) reaches the port, but names itself in Host.
struct HostCheck: RouterMiddleware {
  typealias Context = ServeContext
  /// The address the server listens on, such as 127.0.0.1.
  let host: String

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let port = context.localPort, let authority = request.head.authority,
      Self.names(authority.lowercased(), host: host, port: port)
    else {
      return Page.problem(
        .misdirectedRequest, "This server answers only to http://\(host):\(context.localPort ?? 0)/.")
    }
    return try await next(request, context)
  }

  /// Whether `authority` (a Host header) is `host:port` or `localhost:port`.
  static func names(_ authority: String, host: String, port: Int) -> Bool {
    authority == "\(host):\(port)" || authority == "localhost:\(port)"
  }
}
