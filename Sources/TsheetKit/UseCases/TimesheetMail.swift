import Foundation
import TsheetCore
import TsheetMail
import TsheetRender
import TsheetStore

/// What an email is asked for: whose, which variant and period, and the personal touches.
package struct EmailRequest: Sendable {
  package var client: String
  package var period: EmailPeriodRequest
  /// Overrides the client's and the config's language.
  package var language: Language?
  /// A personal paragraph at the top of both parts.
  package var note: String?
  /// A message saved from the user's mail client to reply to (all): its thread and people.
  package var replyTo: String?

  package init(
    client: String, period: EmailPeriodRequest, language: Language? = nil, note: String? = nil,
    replyTo: String? = nil
  ) {
    self.client = client
    self.period = period
    self.language = language
    self.note = note
    self.replyTo = replyTo
  }
}

/// A timesheet email, composed: what the terminal shows of it, and the whole message.
package struct TimesheetMessage: Sendable {
  let message: MIMEMessage
  var record: MessageRecord
  /// Lines for standard error: the thread found in the mailbox (who joined or left), or why it was not read.
  package var notes: [String] = []

  package var subject: String { message.subject }
  /// The text part.
  package var text: String { message.text }
  /// Who it goes to, as a mail program's header lines show them: `To: …`, and `Cc: …` when there are copies.
  package var addressLines: String {
    ("To: " + message.to.map(\.description).joined(separator: ", ")).escapingControlCharacters
      + (message.cc.isEmpty
        ? "" : "\n" + ("Cc: " + message.cc.map(\.description).joined(separator: ", ")).escapingControlCharacters)
  }
  /// Everyone the message goes to (To, Cc and Bcc, each once), as people read them.
  package var recipientsText: String { message.recipients.map(\.description).joined(separator: ", ") }
  /// The whole message (RFC 5322, CRLF), as it is sent.
  package var rendered: String { message.rendered }
  /// The message as a draft `.eml` for the user's mail client to open ready to send (`X-Unsent: 1`).
  package var draft: String {
    var draft = message
    draft.isDraft = true
    return draft.rendered
  }
  /// The recipients the message goes to, as their client's people from now on.
  var recipients: (to: [Recipient], cc: [Recipient]) { (message.to.map(\.recipient), message.cc.map(\.recipient)) }
}

/// The Monday email and its kin (a day's update, a month's statement): rendered from the templates in the
/// client's language, addressed and threaded as a reply-all, and remembered when written to a file.
package struct TimesheetMail: UseCase {
  let context: Context
  let store: any Store
  /// The user's mailbox (`[imap]`), where the client's answers are looked for.
  let mailbox: Mailbox?

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
    mailbox = Mailbox(context)
  }

  /// The timesheets of `client` (every client with hours when nil) over the days `period` names.
  package func timesheets(_ period: EmailPeriodRequest, client: String?) throws -> [Timesheet] {
    let range = try period.range(in: context)
    return try store.read { try Timesheets(log: $0).of(client, over: range) }
  }

  /// The workdays of `period` before today that hold nothing (or too little), of the sender and of everyone
  /// whose work is in the emails of `clients` (every client's when nil): what `week` and `send` warn of.
  package func gaps(_ period: EmailPeriodRequest, clients: [String]?) throws -> [PersonGap] {
    let range = try period.range(in: context)
    let calendar = WorkCalendar(context, store: store)
    let people = try calendar.people(withWorkIn: range, for: clients).filter { $0 != context.person }
    return try calendar.gaps(in: range, of: [context.person] + people)
  }

  /// The running timer, when it runs for `client` (any client when nil) within `period`.
  package func running(_ period: EmailPeriodRequest, client: String?) throws -> TimerStatus? {
    let range = try period.range(in: context)
    let filter = EntryFilter(client: client, from: range.first, to: range.last)
    return try store.read { try Timekeeper.status(in: $0, context: context, shownBy: filter) }
  }

  /// The text parts of the emails of `client` (every client with hours when nil), in one reading of the log.
  package func texts(_ period: EmailPeriodRequest, client: String?, language: Language?, note: String?) throws
    -> [String]
  {
    let range = try period.range(in: context)
    return try store.read { log in
      try Timesheets(log: log).of(client, over: range).map { sheet in
        try render(sheet, period.variant, language: language, note: note, parts: .text, log: log).text
      }
    }
  }

  /// The HTML part of `request`'s email.
  package func html(_ request: EmailRequest) throws -> String {
    let range = try request.period.range(in: context)
    return try store.read { log in
      let sheet = try Timesheets(log: log).of(request.client, over: range)[0]
      return try render(
        sheet, request.period.variant, language: request.language, note: request.note,
        parts: .html, log: log
      ).html
    }
  }

  /// The whole message of `request`, dated `date`: rendered, addressed to the client's people (or to everyone
  /// on the message replied to, but the sender: the one saved at `--reply-to`, else the client's newest
  /// answer in the mailbox) and threaded after the client's last message (or the one replied to). Read in
  /// one transaction; nothing is recorded. Without `bodies`, the text and HTML parts are left empty: a page that
  /// shows only the subject and the recipients does not pay for rendering them.
  package func compose(_ request: EmailRequest, at date: Date = Date(), bodies: Bool = true) throws
    -> TimesheetMessage
  {
    guard let from = context.config.mailFrom else { throw EmailError.noSender }
    let range = try request.period.range(in: context)
    let thread = request.replyTo == nil ? MailboxThread(of: request.client, in: mailbox, store: store) : nil
    let reply = try request.replyTo.map { try Reply(savedAt: $0, from: from) } ?? thread?.reply
    var composed = try store.read { log in
      let sheet = try Timesheets(log: log).of(request.client, over: range)[0]
      let parts = try render(
        sheet, request.period.variant, language: request.language, note: request.note,
        parts: bodies ? .all : [], log: log)
      let client = sheet.client
      var to: [MailAddress]
      var cc: [MailAddress]
      var parent: (id: String, references: [String])?
      if let reply {
        (to, cc, parent) = (reply.to, reply.cc, (reply.messageID, reply.references))
      } else {
        let stored = try log.mailSettings(of: client)
        do {
          to = try stored.to.map(MailAddress.init)
          cc = try stored.cc.map(MailAddress.init)
        } catch {
          throw EmailError.badRecipients(client: client, problem: "\(error)")
        }
        parent = try log.lastMessage(to: client, for: request.period.variant, over: range).map {
          ($0.messageID, $0.references)
        }
      }
      if to.isEmpty { throw EmailError.noRecipients(client: client) }
      var message = MIMEMessage(
        from: from, to: to, subject: parts.subject, date: date,
        messageID: MIMEMessage.newMessageID(from: from, date: date), text: parts.text,
        html: parts.html)
      message.cc = cc
      if let parent {
        message.inReplyTo = parent.id
        message.references = MIMEMessage.references(replyingTo: parent.id, references: parent.references)
      }
      func people(_ list: [MailAddress]) -> String { list.map(\.description).joined(separator: ", ") }
      return TimesheetMessage(
        message: message,
        record: MessageRecord(
          client: client, variant: request.period.variant, period: range, messageID: message.messageID,
          references: message.references, subject: message.subject, to: people(message.to),
          cc: people(message.cc), bcc: people(message.bcc), state: .written))
    }
    composed.notes = thread?.notes ?? []
    return composed
  }

  /// Remembers `message`, written to a file, as its client's last, so that the next one replies to it, and
  /// its people as the client's recipients, in one transaction.
  package func recordWritten(_ message: TimesheetMessage) throws {
    try store.write { try $0.record(message.record, recipients: message.recipients) }
  }

  /// The subject and the asked parts of `sheet`'s email in the client's language.
  private func render(
    _ sheet: Timesheet, _ variant: EmailVariant, language: Language?, note: String?,
    parts: TemplateSet.Parts, log: any LogReader
  ) throws -> TemplateSet.Email {
    let language = try language ?? log.mailSettings(of: sheet.client).language ?? context.config.lang ?? .en
    let sender = context.config.mailFrom.map { $0.name ?? $0.address } ?? ""
    let view = TimesheetView(sheet, variant: variant, language: language, sender: sender, note: note)
    return try TemplateSet(overrides: context.templatesDirectory).render(
      view, variant: variant, language: language,
      parts: parts)
  }
}
