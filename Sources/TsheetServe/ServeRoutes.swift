import HTTPTypes
import Hummingbird
import NIOCore
import TsheetCore
import TsheetKit

/// The server's routes: the sign-in, the stylesheet, and behind the session check the week, the reports, the
/// emails and the sign-out.
struct ServeRoutes {
  let context: Context
  let signIn: SignIn
  /// The log the pages read: a team's server's connection is kept from page to page.
  let log: KeptLog
  /// The emails page's Sends, one at a time.
  let sends = SendTurns()

  init(context: Context, signIn: SignIn) {
    (self.context, self.signIn, log) = (context, signIn, KeptLog(context))
  }

  /// The router, with error pages and the Host check in front of every route; HEAD is GET without the body,
  /// and a method a path does not take is 405 with the methods it does.
  func router(host: String) -> Router<ServeContext> {
    let router = Router(context: ServeContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: ErrorPages())
    router.add(middleware: HostCheck(host: host))
    router.get("/style.css") { _, _ in Stylesheet.response }
    router.get("/favicon.ico") { _, _ in Response(status: .noContent) }  // no icon, and no 404 in the console
    router.get("/sign-in") { request, _ in await signingIn(request) }
    let signedIn = router.group().add(middleware: SessionCheck(signIn: signIn, host: host))
    signedIn.get("/") { _, context in try week(nil, context) }
    signedIn.get("/week/:day") { _, context in try week(context.parameters.get("day"), context) }
    signedIn.get("/report") { request, _ in reportPage(request) }
    signedIn.get("/report.xlsx") { request, _ in reportWorkbook(request) }
    signedIn.get("/emails") { request, context in
      try emailsPage(week: request.uri.queryParameters["week"].map(String.init), session: session(context))
    }
    signedIn.post("/emails") { request, context in await emailsForm(request, session: try session(context)) }
    signedIn.get("/emails/frame") { request, _ in emailFrame(request) }
    signedIn.post("/sign-out") { _, context in await signOut(context) }
    for path in [
      "/style.css", "/favicon.ico", "/sign-in", "/", "/week/:day", "/report", "/report.xlsx", "/emails/frame",
    ] {
      Self.refuseOtherMethods(on: router, RouterPath(path), allowing: [.get])
    }
    Self.refuseOtherMethods(on: router, "/sign-out", allowing: [.post])
    Self.refuseOtherMethods(on: router, "/emails", allowing: [.get, .post])
    return router
  }

  /// Answers 405 at `path`, with the methods it takes in Allow, to every other method HTTP defines.
  static func refuseOtherMethods(
    on router: Router<ServeContext>, _ path: RouterPath, allowing allowed: [HTTPRequest.Method]
  ) {
    let allowed = allowed.contains(.get) ? allowed + [.head] : allowed
    let answer = Response(
      status: .methodNotAllowed, headers: [.allow: allowed.map(\.rawValue).joined(separator: ", ")])
    for method in ErrorPages.knownMethods where !allowed.contains(method) {
      router.on(path, method: method) { _, _ in answer }
    }
  }

  /// Spends the token for a session cookie and sends the browser to an address without the token; a browser
  /// already signed in is sent on too. HEAD and a prefetch spend nothing.
  private func signingIn(_ request: Request) async -> Response {
    let offered = request.uri.queryParameters["token"].map(String.init) ?? ""
    // Only a browser's own opening of the address spends the one token: a link preview's HEAD is answered as
    // the GET would be, without the cookie, and a prefetch is turned away (a browser then loads it for real).
    if request.headers[.secPurpose]?.contains("prefetch") == true || request.headers[.purpose] == "prefetch" {
      return Response(status: .serviceUnavailable, headers: [.cacheControl: "no-store"])
    }
    if request.method == .head {
      guard await signIn.accepts(offered) else { return Response(status: .unauthorized) }
      return Response(status: .seeOther, headers: [.location: "/", .cacheControl: "no-store"])
    }
    if let session = await signIn.signIn(offering: offered) {
      var response = Response.redirect(to: "/", type: .normal)
      response.headers[.cacheControl] = "no-store"
      response.setCookie(
        Cookie(name: SessionCheck.cookie, value: session.id, path: "/", httpOnly: true, sameSite: .strict))
      return response
    }
    if let id = SessionCheck.sessionID(in: request), await signIn.session(id) != nil {
      var response = Response.redirect(to: "/", type: .normal)
      response.headers[.cacheControl] = "no-store"
      return response
    }
    return Page.problem(
      .unauthorized, "This sign-in address is wrong or was used already; restart tsheet serve for a new one.")
  }

  /// The week `word` names (nil: the week `tsheet week` picks), or why it names none.
  private func week(_ word: String?, _ request: ServeContext) throws -> Response {
    guard let session = request.session else { return Page.problem(.unauthorized, "Sign in first.") }
    return readingLog {
      let grid = try log.reading { try WeekOverview(context, store: $0).grid(week: word) }
      return WeekPage(grid: grid, formToken: session.formToken).page.response
    }
  }

  /// What `respond` makes of the log; a page that says why when the address names no period or pivot, or
  /// asks what cannot be (400), names what the log does not hold (404), or the log cannot be read (503).
  func readingLog(_ respond: () throws -> Response) -> Response {
    do {
      return try respond()
    } catch let error as DateError {
      return Page.problem(.badRequest, "\(error)")
    } catch let error as ReportQueryError {
      return Page.problem(.badRequest, "\(error)")
    } catch let error as RangeRequestError {
      return Page.problem(.badRequest, "\(error)")
    } catch let error as any UserError {
      switch error.exitStatus {
      case .usage, .dataError: return Page.problem(.badRequest, "\(error)")
      case .noInput: return Page.problem(.notFound, "\(error)")
      default: return Page.problem(.serviceUnavailable, "The log cannot be read: \(error)")
      }
    } catch {
      return Page.problem(.internalServerError, "tsheet failed: \(error)")
    }
  }

  /// The session `SessionCheck` put in `context`.
  private func session(_ context: ServeContext) throws -> Session {
    guard let session = context.session else { throw HTTPError(.unauthorized) }
    return session
  }

  private func signOut(_ request: ServeContext) async -> Response {
    if let session = request.session { await signIn.signOut(session) }
    var response = Page(title: "Signed out", body: "<main><h1>Signed out</h1><p>Close this tab.</p></main>").response
    response.setCookie(Cookie(name: SessionCheck.cookie, value: "", maxAge: 0, path: "/", sameSite: .strict))
    return response
  }
}
