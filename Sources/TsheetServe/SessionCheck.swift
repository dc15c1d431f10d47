import HTTPTypes
import Hummingbird
import NIOCore

/// Lets through only a signed-in browser (401 otherwise), and only a form that carries its session's token
/// (403 otherwise); the session goes on in the request's context.
struct SessionCheck: RouterMiddleware {
  typealias Context = ServeContext
  let signIn: SignIn

  /// The session cookie's name.
  static let cookie = "tsheet_session"

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let id = request.cookies[Self.cookie]?.value, let session = await signIn.session(id) else {
      return Page.problem(
        .unauthorized, "Sign in by opening the address tsheet serve printed when it started (it works once).")
    }
    var context = context
    context.session = session
    var request = request
    if request.method != .get && request.method != .head {
      let body = try await request.collectBody(upTo: 4096)
      let form = try? URLEncodedFormDecoder().decode(FormToken.self, from: String(buffer: body))
      guard let form, SignIn.same(form.csrf, session.formToken) else {
        return Page.problem(.forbidden, "This form is stale or came from another page; reload the page and retry.")
      }
    }
    return try await next(request, context)
  }
}

/// The one field every form of the pages carries.
private struct FormToken: Decodable {
  let csrf: String
}
