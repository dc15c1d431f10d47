import HTTPTypes
import Hummingbird
import NIOCore

/// Turns what a route throws into a page that says it in one sentence, and answers HEAD with the head alone; a
/// method HTTP does not define (`FOO`) is 501, as RFC 9110 asks, wherever it is sent.
struct ErrorPages: RouterMiddleware {
  typealias Context = ServeContext

  /// The methods HTTP defines; the routes answer the others they do not take with 405.
  static let knownMethods: Set<HTTPRequest.Method> = [
    .get, .head, .post, .put, .delete, .patch, .options, .trace, .connect,
  ]

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard Self.knownMethods.contains(request.method) else {
      return Page.problem(.notImplemented, "This server knows no such method; pages take GET, and forms POST.")
    }
    var response: Response
    do {
      response = try await next(request, context)
    } catch let error as any HTTPResponseError {
      response = Page.problem(
        error.status, error.status == .notFound ? "Nothing here; the week is at /." : "The request was refused.")
    } catch {
      response = Page.problem(.internalServerError, "tsheet failed: \(error)")
    }
    return request.method == .head ? response.createHeadResponse() : response
  }
}
