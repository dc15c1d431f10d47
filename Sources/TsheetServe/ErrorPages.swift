import HTTPTypes
import Hummingbird
import NIOCore

/// Turns what a route throws into a page that says it in one sentence, and answers HEAD with the head alone.
struct ErrorPages: RouterMiddleware {
  typealias Context = ServeContext

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
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
