import TsheetCore
import TsheetKit

/// The Monday emails: a card per client with hours in the week (recipients, subject, the HTML part in sandboxed
/// frames at phone and desk widths, a personal note), the week's gaps, and what the last Send did. One form
/// holds every card, so that "Send all reviewed" sends the cards marked, each with its note.
struct EmailsPage {
  let days: DayRange
  let drafts: [EmailDraft]
  /// The gaps of the week, as `week --send` warns of them.
  let warnings: [String]
  /// What the last Send did, client by client: its line, and whether it went.
  var results: [(client: String, line: String, sent: Bool)] = []
  /// The token the form carries.
  let formToken: String

  /// The most characters a card's note holds: a personal paragraph or two. The frames carry the note in their
  /// address, which a browser and the server keep short.
  static let longestNote = 4_000

  var page: Page {
    let week = ISOWeek(containing: days.first.adding(days: 3))
    let cards = drafts.enumerated().map { card($1, $0) }.joined(separator: "\n")
    return Page(
      title: "Emails \(week)",
      body: """
        <header><h1>Emails · week \(week)</h1><p class="range">\(days.first) – \(days.last)</p></header>
        <nav><a href="/week/\(days.first)">Week</a></nav>
        <main>
        \(resultList)\(warningList)
        \(drafts.isEmpty ? "<p class=\"empty\">No client has hours this week.</p>" : "")
        <form class="emails" method="post" action="/emails">\
        <input type="hidden" name="csrf" value="\(formToken.htmlEscaped)">\
        <input type="hidden" name="week" value="\(days.first)">
        \(cards)
        \(drafts.isEmpty ? "" : "<p><button name=\"action\" value=\"send-reviewed\">Send all reviewed</button></p>")
        </form>
        </main>
        """)
  }

  private var resultList: String {
    guard !results.isEmpty else { return "" }
    let items = results.map { result in
      "<li class=\"\(result.sent ? "sent" : "refused")\">\(result.client.htmlEscaped): \(result.line.htmlEscaped)</li>"
    }
    return "<section class=\"results\" aria-live=\"polite\"><h2>Send</h2><ul>\(items.joined())</ul></section>"
  }

  private var warningList: String {
    guard !warnings.isEmpty else { return "" }
    return "<ul class=\"warnings\">\(warnings.map { "<li>\($0.htmlEscaped)</li>" }.joined())</ul>"
  }

  /// The card of `draft`, the `index`th: its fields are named with the index, the client's name is a value.
  private func card(_ draft: EmailDraft, _ index: Int) -> String {
    let note = draft.note
    let frame =
      "/emails/frame?week=\(days.first)&client=\(draft.client.percentEncoded)"
      + (note.isEmpty ? "" : "&note=\(note.percentEncoded)")
    let head: String
    if let message = draft.message {
      head = """
        <dl><dt>To</dt><dd>\(message.recipientsText.htmlEscaped)</dd>\
        <dt>Subject</dt><dd>\(message.subject.htmlEscaped)</dd></dl>
        <div class="frames"><iframe class="phone" sandbox="" referrerpolicy="no-referrer" \
        title="The email to \(draft.client.htmlEscaped), 375 px wide" src="\(frame.htmlEscaped)"></iframe>\
        <div class="scroll"><iframe class="desk" sandbox="" referrerpolicy="no-referrer" \
        title="The email to \(draft.client.htmlEscaped), 1,280 px wide" src="\(frame.htmlEscaped)"></iframe></div></div>
        """
    } else {
      head = "<p class=\"problem\">\((draft.problem ?? "").htmlEscaped)</p>"
    }
    let sent =
      draft.sent.map { sent in
        let when = sent.certain ? "went on \(sent.at)" : "may have gone on \(sent.at)"
        return "<p class=\"sent\">This week's email \(when.htmlEscaped).</p>"
          + "<label><input type=\"checkbox\" name=\"resend-\(index)\" value=\"\(sent.messageID.htmlEscaped)\">"
          + " Send it again</label>"
      } ?? ""
    let buttons =
      draft.message == nil
      ? ""
      : """
      <label><input type="checkbox" name="reviewed" value="\(index)"> Reviewed</label>\
      <button name="action" value="preview">Show with the note</button>\
      <button name="action" value="send-\(index)">Send</button>
      """
    return """
      <article class="card" id="card-\(index)"><h2>\(draft.client.htmlEscaped)</h2>
      <input type="hidden" name="client-\(index)" value="\(draft.client.htmlEscaped)">
      \(head)
      \(sent)
      <label class="note">Personal note <textarea name="note-\(index)" rows="3" maxlength="\(Self.longestNote)">\(note.htmlEscaped)</textarea></label>
      <p class="actions">\(buttons)</p></article>
      """
  }
}
