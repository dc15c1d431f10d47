import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TsheetServe

/// A client of a server running for one test on a port the system picked: it can name any Host, and keeps
/// the session cookie once signed in.
struct ServerClient {
  let client: TestClient
  let port: Int
  /// The token the server was started with.
  let token: String

  /// This server's own Host.
  var ownHost: String { "localhost:\(port)" }

  /// Sends `method path` with `host` as its Host (default: the server's own) and `cookie` as its Cookie; a form
  /// comes from `origin` (default: the server's own, as a browser says it; `.some(nil)`: no Origin).
  func send(
    _ method: HTTPRequest.Method = .get, _ path: String, host: String? = nil, cookie: String? = nil,
    form: String? = nil, origin: String?? = nil
  ) async throws -> TestClient.Response {
    var headers = HTTPFields()
    if let cookie { headers[.cookie] = cookie }
    if method != .get && method != .head, let origin = origin ?? "http://\(ownHost)" { headers[.origin] = origin }
    if form != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
    return try await client.execute(
      TestClient.Request(
        path, method: method, authority: host ?? ownHost, headers: headers, body: form.map { ByteBuffer(string: $0) }))
  }

  /// Signs in with the token. Returns the Cookie header that the sign-in's Set-Cookie asks for.
  func signIn() async throws -> String {
    let response = try await send(.get, "/sign-in?token=\(token)")
    let setCookie = try #require(response.headers[.setCookie])
    return String(setCookie.prefix { $0 != ";" })
  }
}

/// The body of `response` as text.
func text(of response: TestClient.Response) -> String {
  String(buffer: response.body ?? ByteBuffer())
}

/// Runs `body` against the server of `log` on a free port of 127.0.0.1 (Hummingbird's live test framework),
/// its sign-in token `token`; every request waits at most 10 s.
func withServer(
  _ log: ServeLog, token: String = SignIn.randomToken(), limits: WeekServer.Limits = .init(),
  _ body: @escaping @Sendable (ServerClient) async throws -> Void
) async throws {
  let server = WeekServer(
    context: try log.context, host: "127.0.0.1", port: 0, signIn: SignIn(token: token), limits: limits)
  try await server.application().test(.live) { live in
    let port = try #require(live.port)
    try await TestClient.withClient(host: "localhost", port: port, configuration: .init(timeout: .seconds(10))) {
      try await body(ServerClient(client: $0, port: port, token: token))
    }
  }
}
