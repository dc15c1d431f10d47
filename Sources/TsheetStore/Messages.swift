import TsheetCore

/// Where a client's emails go and in which language.
package struct ClientMail: Hashable, Sendable {
  package var client: String
  package var to: [Recipient]
  package var cc: [Recipient]
  package var language: Language?

  package init(client: String, to: [Recipient], cc: [Recipient], language: Language?) {
    self.client = client
    self.to = to
    self.cc = cc
    self.language = language
  }
}

/// Where a message stands: written to a file, being handed to the mail server, or sent.
package enum MessageState: String, Sendable {
  case written, sending, sent
}

/// A message tsheet wrote or sent, as the thread and the sent ledger remember it.
package struct MessageRecord: Hashable, Sendable {
  package var client: String
  package var variant: EmailVariant
  package var period: DayRange
  package var messageID: String
  /// The References chain the message carried, oldest first.
  package var references: [String]
  package var subject: String
  /// The people it went to, for the ledger to show; never read back as addresses.
  package var to: String
  package var cc: String
  package var bcc: String
  package var state: MessageState
  /// When it was sent, or handed to the server (ISO 8601, UTC); nil for a message written to a file.
  package var sentAt: String?

  package init(
    client: String, variant: EmailVariant, period: DayRange, messageID: String, references: [String],
    subject: String, to: String, cc: String, bcc: String = "", state: MessageState,
    sentAt: String? = nil
  ) {
    self.client = client
    self.variant = variant
    self.period = period
    self.messageID = messageID
    self.references = references
    self.subject = subject
    self.to = to
    self.cc = cc
    self.bcc = bcc
    self.state = state
    self.sentAt = sentAt
  }
}

/// Everything the log holds about a client besides its work: where its emails go, and what it is billed by.
package struct ClientSettings: Hashable, Sendable {
  /// Its recipients and language, with its name as stored.
  package var mail: ClientMail
  /// Its rounding and contracted hours; nil when they were never set (a config section may still move in).
  package var terms: ClientTerms?

  package init(mail: ClientMail, terms: ClientTerms?) {
    self.mail = mail
    self.terms = terms
  }
}
