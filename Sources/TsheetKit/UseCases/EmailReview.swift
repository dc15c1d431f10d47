import TsheetCore
import TsheetMail
import TsheetStore

/// One client's email of a period as a lead reviews it before it goes: the message exactly as `week --send`
/// would send it now (or why it cannot be sent), and the send of this period the ledger already holds.
package struct EmailDraft: Sendable {
  package let client: String
  /// The personal note at the top of both parts; empty for none.
  package let note: String
  /// The message, composed as `week --send` composes it (its parts empty when the draft was asked without
  /// bodies); nil when it cannot be, and `problem` says why.
  package let message: TimesheetMessage?
  /// Why no message can be composed (no sender, no recipients…), in the command's words.
  package let problem: String?
  /// When this period's email went, as the ledger says, whether for certain (false: it was being sent when the
  /// send could not be recorded), and its Message-ID; nil when it has not gone.
  package let sent: (at: String, certain: Bool, messageID: String)?
}

/// The emails of a period, one per client with hours, for `tsheet serve` to show before the lead sends each
/// through `TimesheetSending`: composed by `TimesheetMail`, so the page shows what the client will get.
package struct EmailReview: UseCase {
  let context: Context
  let store: any Store

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
  }

  /// The clients with hours in `period`, in the order the commands list them.
  package func clients(_ period: EmailPeriodRequest) throws -> [String] {
    try TimesheetMail(context, store: store).timesheets(period, client: nil).map(\.client)
  }

  /// The workdays of `period` before today that hold nothing (or too little): what `week --send` warns of.
  package func gaps(_ period: EmailPeriodRequest) throws -> [PersonGap] {
    try TimesheetMail(context, store: store).gaps(period, clients: nil)
  }

  /// When the ledger says `period`'s email to `client` last went, whether for certain, and its Message-ID; nil
  /// when it has not.
  package func lastSent(of client: String, _ period: EmailPeriodRequest) throws
    -> (at: String, certain: Bool, messageID: String)?
  {
    let range = try period.range(in: context)
    return try store.read { try $0.sentMessages(to: client) }.first {
      $0.variant == period.variant && $0.period == range && $0.state != .written
    }.map { (at: $0.sentAt ?? "", certain: $0.state == .sent, messageID: $0.messageID) }
  }

  /// The email of `client` for `period` with `note`, composed now (without its text and HTML parts unless
  /// `bodies`); its problem when it cannot be.
  package func draft(of client: String, _ period: EmailPeriodRequest, note: String?, bodies: Bool = true) throws
    -> EmailDraft
  {
    let request = EmailRequest(client: client, period: period, note: note)
    let sent = try lastSent(of: client, period)
    do {
      let message = try TimesheetMail(context, store: store).compose(request, bodies: bodies)
      return EmailDraft(client: client, note: note ?? "", message: message, problem: nil, sent: sent)
    } catch let error as EmailError {
      return EmailDraft(client: client, note: note ?? "", message: nil, problem: "\(error)", sent: sent)
    }
  }
}

extension TimesheetMessage {
  /// The HTML part, exactly as it is sent.
  package var html: String { message.html }
}
