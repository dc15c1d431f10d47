import HTTPTypes
import Hummingbird
import NIOCore
import TsheetCore
import TsheetKit

/// The server's routes: the sign-in, the stylesheet, and behind the session check the week and the sign-out.
struct ServeRoutes {
  let context: Context
  let signIn: SignIn

  /// The router, with every response's security headers and the Host check in front of every route.
  func router(host: String) -> Router<ServeContext> {
    let router = Router(context: ServeContext.self)
    router.add(middleware: SecurityHeaders())
    router.add(middleware: HostCheck(host: host))
    router.get("/style.css") { _, _ in Stylesheet.response }
    router.get("/favicon.ico") { _, _ in Response(status: .noContent) }  // no icon, and no 404 in the console
    router.get("/sign-in") { request, _ in await signingIn(request) }
    let signedIn = router.group().add(middleware: SessionCheck(signIn: signIn))
    signedIn.get("/") { _, context in try week(nil, context) }
    signedIn.get("/week/:day") { _, context in try week(context.parameters.get("day"), context) }
    signedIn.post("/sign-out") { _, context in await signOut(context) }
    return router
  }

  /// Spends the token for a session cookie and sends the browser to an address without the token; a browser
  /// already signed in is sent on too.
  private func signingIn(_ request: Request) async -> Response {
    let offered = request.uri.queryParameters["token"].map(String.init) ?? ""
    if let session = await signIn.signIn(offering: offered) {
      var response = Response.redirect(to: "/", type: .normal)
      response.setCookie(
        Cookie(name: SessionCheck.cookie, value: session.id, path: "/", httpOnly: true, sameSite: .strict))
      return response
    }
    if let id = request.cookies[SessionCheck.cookie]?.value, await signIn.session(id) != nil {
      return Response.redirect(to: "/", type: .normal)
    }
    return Page.problem(
      .unauthorized, "This sign-in address is wrong or was used already; restart tsheet serve for a new one.")
  }

  /// The week `word` names (nil: the week `tsheet week` picks), or why it names none.
  private func week(_ word: String?, _ request: ServeContext) throws -> Response {
    guard let session = request.session else { return Page.problem(.unauthorized, "Sign in first.") }
    do {
      let grid = try WeekOverview(readingOnly: context).grid(week: word)
      return WeekPage(grid: grid, formToken: session.formToken).page.response
    } catch let error as DateError {
      return Page.problem(.badRequest, "\(error)")
    } catch let error as any UserError {
      return Page.problem(.serviceUnavailable, "The log cannot be read: \(error)")
    }
  }

  private func signOut(_ request: ServeContext) async -> Response {
    if let session = request.session { await signIn.signOut(session) }
    var response = Page(title: "Signed out", body: "<main><h1>Signed out</h1><p>Close this tab.</p></main>").response
    response.setCookie(Cookie(name: SessionCheck.cookie, value: "", maxAge: 0, path: "/", sameSite: .strict))
    return response
  }
}
