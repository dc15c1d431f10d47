import HTTPTypes
import Hummingbird
import NIOCore
import TsheetCore
import TsheetKit

extension ServeRoutes {
  /// The email's own frame: only inline style (email HTML carries its style inline) and images given as data,
  /// never a script (the `sandbox` directive, without allow-scripts, holds even when the frame is opened alone),
  /// framed only by this server's pages.
  static let framePolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'; base-uri 'none'; "
    + "form-action 'none'"

  /// The week's emails, each with the note the form gave (none on a GET); after `results` of a Send.
  func emailsPage(
    week: String?, notes: [String: String] = [:], results: [(client: String, line: String, sent: Bool)] = [],
    session: Session
  ) -> Response {
    readingLog {
      try log.reading { store in
        let review = EmailReview(context, store: store)
        let period = EmailPeriodRequest(variant: .week, week: week)
        let terminal = Terminal(context)
        // The cards show the subject and the recipients; each frame renders its client's HTML part.
        let drafts = try review.clients(period).map {
          try review.draft(of: $0, period, note: notes[$0], bodies: false)
        }
        return EmailsPage(
          days: try period.range(in: context), drafts: drafts,
          warnings: try review.gaps(period).map { String(terminal.warning($0).dropLast()) }, results: results,
          formToken: session.formToken
        ).page.response
      }
    }
  }

  /// The HTML part of one client's email, exactly as it is sent, under `framePolicy`.
  func emailFrame(_ request: Request) -> Response {
    let parameters = request.uri.queryParameters
    let client = parameters["client"].map(String.init) ?? ""
    let note = parameters["note"].map(String.init)
    if let note, note.count > EmailsPage.longestNote {
      return Page.problem(.badRequest, "The note is longer than \(EmailsPage.longestNote) characters.")
    }
    return readingLog {
      let period = EmailPeriodRequest(variant: .week, week: parameters["week"].map(String.init))
      let draft = try log.reading { try EmailReview(context, store: $0).draft(of: client, period, note: note) }
      guard let message = draft.message else { return Page.problem(.notFound, draft.problem ?? "No such email.") }
      return Response(
        status: .ok,
        headers: [
          .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
          .contentSecurityPolicy: Self.framePolicy, .xFrameOptions: "SAMEORIGIN",
        ],
        body: ResponseBody(byteBuffer: ByteBuffer(string: message.html)))
    }
  }

  /// The form of the emails page: shows the notes (`preview`), or sends one card (`send-N`) or every card
  /// marked reviewed (`send-reviewed`) through `week --send`'s ledger and transport, then shows the page again.
  func emailsForm(_ request: Request, session: Session) async -> Response {
    var request = request
    let form = FormFields(
      String(buffer: (try? await request.collectBody(upTo: SessionCheck.largestForm)) ?? ByteBuffer()))
    let week = form["week"]
    var notes: [String: String] = [:]
    for (name, client) in form.pairs where name.hasPrefix("client-") {
      if let note = form["note-\(name.dropFirst(7))"], !note.isEmpty { notes[client] = note }
    }
    if notes.values.contains(where: { $0.count > EmailsPage.longestNote }) {
      return Page.problem(
        .badRequest, "A note is longer than \(EmailsPage.longestNote) characters; go back and shorten it.")
    }
    let action = form["action"] ?? "preview"
    let chosen: [String] =
      action == "send-reviewed" ? form.all("reviewed") : action.hasPrefix("send-") ? [String(action.dropFirst(5))] : []
    let emails = chosen.compactMap { number in
      form["client-\(number)"].map { client in
        (
          EmailRequest(client: client, period: EmailPeriodRequest(variant: .week, week: week), note: notes[client]),
          resendingMessage: form["resend-\(number)"].flatMap { $0.isEmpty ? nil : $0 }
        )
      }
    }
    let results = await sends.inTurn { await send(emails) }
    return emailsPage(week: week, notes: notes, results: results, session: session)
  }

  /// Sends each of `emails` through `week --send`'s ledger and transport: what each did, in the command's words.
  /// "Send it again" names the send the card showed by its Message-ID (`resendingMessage`; two sends can fall in
  /// one second): it is `--resend` only while that send is still the last, so a double click sends once more,
  /// not twice.
  private func send(_ emails: [(EmailRequest, resendingMessage: String?)]) async
    -> [(client: String, line: String, sent: Bool)]
  {
    var results: [(client: String, line: String, sent: Bool)] = []
    for (email, shown) in emails {
      do {
        if let shown, let last = try lastSent(email), last.messageID != shown {
          let line = "its email went again on \(last.at), after the one this page showed; nothing was sent."
          results.append((email.client, line, false))
          continue
        }
        let outcome = try await TimesheetSending(context).send(email, resend: shown != nil, dryRun: false)
        results.append((email.client, String(Terminal(context).sent(outcome).dropLast()), true))
      } catch let refusal as SendRefusal {
        results.append((email.client, Self.sentence(refusal), false))
      } catch {
        results.append((email.client, "\(error)", false))
      }
    }
    return results
  }

  /// When the ledger says `email`'s period last went to its client, and its Message-ID; nil when it has not.
  private func lastSent(_ email: EmailRequest) throws -> (at: String, messageID: String)? {
    try log.reading { try EmailReview(context, store: $0).lastSent(of: email.client, email.period) }
      .map { ($0.at, $0.messageID) }
  }

  /// What a refusal says on the page, where `--resend` is the card's "Send it again".
  private static func sentence(_ refusal: SendRefusal) -> String {
    "\(refusal)".replacing("add --resend to send it again", with: "tick \"Send it again\" to send it again")
      .replacing("and add --resend", with: "and tick \"Send it again\"")
  }
}
