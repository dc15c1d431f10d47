import HTTPTypes
import Hummingbird
import NIOCore

/// Adds to every response, errors included, what keeps a page to itself: a Content-Security-Policy that loads
/// nothing from outside and runs no script, no framing, no sniffing, no referrer.
struct SecurityHeaders: RouterMiddleware {
  typealias Context = ServeContext

  /// Only this server's stylesheet and forms; no script, no frame, no outside font, image or connection.
  static let policy =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    + "base-uri 'none'"

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
    response.headers[.contentSecurityPolicy] = Self.policy
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[.xFrameOptions] = "DENY"
    response.headers[.referrerPolicy] = "no-referrer"
    return response
  }
}

extension HTTPField.Name {
  static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
  static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
  static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
