import HTTPTypes
import Hummingbird
import NIOCore

/// Lets through only a signed-in browser (401 otherwise), and only a form that comes from a page of this server
/// (its Origin, which a page of another site cannot claim) and carries its session's token (403 otherwise);
/// the session goes on in the request's context.
struct SessionCheck: RouterMiddleware {
  typealias Context = ServeContext
  let signIn: SignIn
  /// The address the server listens on: a form's Origin must name it.
  let host: String

  /// The session cookie's name.
  static let cookie = "tsheet_session"
  /// The most a form may send, in bytes: every card's note of a busy Monday fits; more is refused (413).
  static let largestForm = 256 * 1024

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let id = Self.sessionID(in: request), let session = await signIn.session(id) else {
      return Page.problem(
        .unauthorized, "Sign in by opening the address tsheet serve printed when it started (it works once).")
    }
    var context = context
    context.session = session
    var request = request
    if request.method != .get && request.method != .head {
      guard Self.comesFromThisServer(request, host: host, port: context.localPort ?? 0) else {
        return Page.problem(.forbidden, "This form came from another site; use the pages of this server.")
      }
      let body = try await request.collectBody(upTo: Self.largestForm)
      guard let csrf = FormFields(String(buffer: body))["csrf"], SignIn.same(csrf, session.formToken) else {
        return Page.problem(.forbidden, "This form is stale or came from another page; reload the page and retry.")
      }
    }
    return try await next(request, context)
  }
}

extension SessionCheck {
  /// Whether a form was sent by a page of this server: its Origin names it (a browser sends it under the
  /// pages' `same-origin` referrer policy; `null`, or none, is refused).
  static func comesFromThisServer(_ request: Request, host: String, port: Int) -> Bool {
    guard let origin = request.headers[.origin]?.lowercased() else { return false }
    return origin.hasPrefix("http://") && HostCheck.names(String(origin.dropFirst(7)), host: host, port: port)
  }

  /// The session cookie's value; nil when there is none, or when two cookies of that name disagree: a page of
  /// another port of this machine can set a cookie for it, and which one counts must never be a guess.
  static func sessionID(in request: Request) -> String? {
    let values = request.headers[values: .cookie].flatMap { $0.split(separator: ";") }.compactMap { pair -> String? in
      let pair = pair.drop { $0 == " " }
      guard let equals = pair.firstIndex(of: "="), pair[..<equals] == cookie else { return nil }
      return String(pair[pair.index(after: equals)...])
    }
    guard let first = values.first, values.allSatisfy({ $0 == first }) else { return nil }
    return first
  }
}
