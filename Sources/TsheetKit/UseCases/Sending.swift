import Foundation
import TsheetCore
import TsheetMail
import TsheetStore

/// Why a message was not sent, as the user sees it.
package enum SendRefusal: UserError, Equatable {
  /// The period went out already, or may have (it was being sent when the send could not be recorded);
  /// `--resend` sends it again.
  case alreadySent(client: String, variant: EmailVariant, period: DayRange, when: String, certain: Bool)
  /// The message went out, but the log could not record it; the next send of the period asks for `--resend`.
  case sentNotRecorded(client: String, reason: String)
  case noSMTP
  case noPassword(variable: String)
  case passwordCommandFailed(command: String, problem: String)
  /// The transport failed: temporary failures exit 75, the others 69.
  case failed(client: String, SendError)
  /// `--strict`: the period has workdays with nothing (or too little) logged, by the sender or by someone whose
  /// work is in the email (named when not the sender).
  case gaps(client: String, gaps: [PersonGap], sender: String)

  package var exitStatus: ExitStatus {
    switch self {
    case .alreadySent, .gaps: .dataError
    case .sentNotRecorded: .ioError
    case .noSMTP, .noPassword, .passwordCommandFailed: .config
    case .failed(_, let error): error.isTemporary ? .tryAgain : .unavailable
    }
  }

  package var description: String {
    switch self {
    case .alreadySent(let client, let variant, let period, let when, true):
      "\(variant.rawValue) \(period.first) to \(period.last) went to \(client) on \(when); add --resend to send it again."
    case .alreadySent(let client, let variant, let period, let when, false):
      "\(variant.rawValue) \(period.first) to \(period.last) may have gone to \(client) on \(when) (it was being sent "
        + "when tsheet could not record it); check your sent mail, and add --resend to send it again."
    case .sentNotRecorded(let client, let reason):
      "sent to \(client), but not recorded (\(reason)); do not send it again: the next --send of this period "
        + "asks for --resend."
    case .noSMTP:
      "no mail server; set [smtp] host (or [mail] transport = \"sendmail\") in the config file."
    case .noPassword(let variable):
      "the SMTP password is not set; export \(variable)=… (it is never stored)."
    case .passwordCommandFailed(let command, let problem):
      "the password command '\(command)' \(problem); check [smtp] password_command."
    case .failed(let client, let error):
      "not sent to \(client): \(error)."
    case .gaps(let client, let gaps, let sender):
      "not sent to \(client): nothing or too little is logged on "
        + gaps.map { "\($0.gap.day.weekday.shortName) \($0.gap.day)" + ($0.person == sender ? "" : " (\($0.person))") }
        .joined(separator: ", ") + "; log it or mark the days off with 'tsheet off', or send without --strict."
    }
  }
}

/// What happened to one client's message.
package struct SendOutcome: Sendable {
  package let message: TimesheetMessage
  /// The server's or program's words on accepting it; nil on a dry run.
  package let accepted: String?
  /// On a dry run, what sending would have done: the envelope, or the sendmail command line.
  package let preview: String?
}

/// What the Monday batch did, client by client.
package struct BatchOutcome: Sendable {
  /// What happened to one client's message.
  package enum Result: Sendable {
    case sent(SendOutcome)
    /// The period went to the client already.
    case alreadySent
    case failed(any UserError)
  }

  /// Each client's result, by name.
  package var results: [(client: String, result: Result)] = []

  /// How the batch ends: nil when every message went (or had gone already), `tryAgain` when every failure may
  /// pass if tried again later, `dataError` when every one was refused for gaps, `unavailable` otherwise.
  package var failureStatus: ExitStatus? {
    let failures = results.compactMap { if case .failed(let error) = $0.result { error.exitStatus } else { nil } }
    guard let first = failures.first else { return nil }
    return failures.allSatisfy { $0 == first } && [.tryAgain, .dataError].contains(first) ? first : .unavailable
  }
}

/// Sending timesheet emails through the configured transport, once a period per client, and the ledger of what
/// went out.
package struct TimesheetSending: UseCase {
  let context: Context
  let store: any Store
  let mail: TimesheetMail

  package init(_ context: Context, store: any Store) {
    self.context = context
    self.store = store
    mail = TimesheetMail(context, store: store)
  }

  /// Composes `request`'s email and sends it, unless the period already went to that client (and `resend` is
  /// off). The message is recorded as being sent before the transport has it, and as sent (with its people
  /// as the client's recipients) in one transaction after: a message that went out is never mailed twice by
  /// a retry, even when the log could not record it. A dry run connects to nothing and records nothing.
  package func send(_ request: EmailRequest, resend: Bool, dryRun: Bool) async throws -> SendOutcome {
    let transport = try Transports(context).transport(forPreview: dryRun)
    return try await send(request, via: transport, resend: resend, dryRun: dryRun)
  }

  /// The workdays of `period` before today that hold nothing (or too little), of the sender and of everyone
  /// whose work is in the email of `client`, or (nil) in any email `sendBatch` sends.
  package func gaps(_ period: EmailPeriodRequest, client: String?) throws -> [PersonGap] {
    try mail.gaps(
      period, clients: client.map { [$0] } ?? store.read { try $0.clientsToMail(over: period.range(in: context)) })
  }

  /// The Monday batch: the email of `client`, or of every client with recipients and hours in `period`,
  /// going on past a failure. A client whose period went already is skipped unless `resend`; when `strict`,
  /// a client's is not sent if the period has gaps of the sender's or of someone whose work is in it.
  /// - Returns: each client's result; none when nobody has recipients and hours.
  package func sendBatch(
    _ period: EmailPeriodRequest, only client: String?, resend: Bool, dryRun: Bool,
    strict: Bool = false
  ) async throws -> BatchOutcome {
    let transport = try Transports(context).transport(forPreview: dryRun)
    let range = try period.range(in: context)
    let clients = try client.map { [$0] } ?? store.read { try $0.clientsToMail(over: range) }
    var batch = BatchOutcome()
    for client in clients {
      do {
        let gaps = strict ? try mail.gaps(period, clients: [client]) : []
        if !gaps.isEmpty { throw SendRefusal.gaps(client: client, gaps: gaps, sender: context.person) }
        let outcome = try await send(
          EmailRequest(client: client, period: period), via: transport,
          resend: resend, dryRun: dryRun)
        batch.results.append((client, .sent(outcome)))
      } catch SendRefusal.alreadySent {
        batch.results.append((client, .alreadySent))
      } catch let error as any UserError {
        batch.results.append((client, .failed(error)))
      }
    }
    return batch
  }

  /// The messages sent to `client` (every client when nil), newest first.
  package func sent(to client: String?) throws -> [MessageRecord] {
    try store.read { try $0.sentMessages(to: client) }
  }

  private func send(
    _ request: EmailRequest, via transport: any MailTransport, resend: Bool,
    dryRun: Bool
  ) async throws -> SendOutcome {
    var message = try mail.compose(request)
    message.record.state = .sending
    message.record.sentAt = Self.timestamp(Date())
    let record = message.record
    func refusal(_ previous: MessageRecord) -> SendRefusal {
      .alreadySent(
        client: record.client, variant: record.variant, period: record.period,
        when: previous.sentAt ?? "", certain: previous.state == .sent)
    }
    if dryRun {
      if !resend, let previous = try store.read({ try $0.sentMessage(like: record) }) { throw refusal(previous) }
      return SendOutcome(message: message, accepted: nil, preview: transport.preview(message.message))
    }
    let previous = try store.write { log -> MessageRecord? in
      if !resend, let previous = try log.sentMessage(like: record) { return previous }
      try log.record(record, recipients: nil)
      return nil
    }
    if let previous { throw refusal(previous) }
    let accepted: String
    do {
      accepted = try await transport.send(message.message)
    } catch {
      try? store.write { try $0.forgetUnsent(record.messageID) }
      if case .credentials(let failure) = error { throw failure.error }  // no password or token: the user's words
      throw SendRefusal.failed(client: record.client, error)
    }
    do {
      try store.write {
        try $0.markSent(record.messageID, sentAt: Self.timestamp(Date()), recipients: message.recipients)
      }
    } catch StoreError.busy {
      throw SendRefusal.sentNotRecorded(client: record.client, reason: "the log stayed locked by another program")
    } catch {
      throw SendRefusal.sentNotRecorded(client: record.client, reason: "\(error)".trimmingCharacters(in: ["."]))
    }
    if context.config.transport == .smtp, let mailbox = mail.mailbox {  // sendmail's mail server files its own
      let (_, warning) = mailbox.attempt("the email went, but no copy is in your Sent folder") {
        try $0.fileSent(Array(message.rendered.utf8))
      }
      message.notes += warning.map { [$0] } ?? []
    }
    return SendOutcome(message: message, accepted: accepted, preview: nil)
  }

  /// `date` as the ledger writes it: ISO 8601 in UTC.
  static func timestamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
