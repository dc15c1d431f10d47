import TsheetCore

extension SQLLog {
  func lastMessage(to client: String, for variant: EmailVariant, over period: DayRange) throws -> MessageRecord? {
    guard let id = try clientID(named: client) else { return nil }
    var select = messageSelect()
    select += """
       WHERE m.client_id = \(select.bind(id)) AND NOT (m.state = 'written' AND (
           (m.variant = \(select.bind(variant.rawValue)) AND m.first_day = \(select.bind(day: period.first)) \
      AND m.last_day = \(select.bind(day: period.last)))
           OR EXISTS (SELECT 1 FROM message s WHERE s.client_id = m.client_id AND s.variant = m.variant
                      AND s.first_day = m.first_day AND s.last_day = m.last_day AND s.state IN ('sending', 'sent'))))
       ORDER BY m.id DESC LIMIT 1
      """
    return try messages(select).first
  }

  func sentMessages(to client: String?) throws -> [MessageRecord] {
    var select = messageSelect() + " WHERE m.state IN ('sending', 'sent')"
    if let client { select += " AND m.client_id = " + select.bind(try existingClientID(named: client)) }
    return try messages(select + " ORDER BY m.id DESC")
  }

  func sentMessage(like message: MessageRecord) throws -> MessageRecord? {
    guard let client = try clientID(named: message.client) else { return nil }
    var select = messageSelect()
    select +=
      " WHERE m.client_id = \(select.bind(client)) AND m.variant = \(select.bind(message.variant.rawValue))"
      + " AND m.first_day = \(select.bind(day: message.period.first))"
      + " AND m.last_day = \(select.bind(day: message.period.last))"
      + " AND m.state IN ('sending', 'sent') ORDER BY m.id DESC LIMIT 1"
    return try messages(select).first
  }

  func clientsToMail(over range: DayRange) throws -> [String] {
    var select = statement()
    select += """
      SELECT c.name FROM client c
      WHERE EXISTS (SELECT 1 FROM recipient r WHERE r.client_id = c.id AND r.kind = 'to')
        AND EXISTS (SELECT 1 FROM client_day d WHERE d.client_id = c.id
                    AND d.day BETWEEN \(select.bind(day: range.first)) AND \(select.bind(day: range.last)))
      """
    return try rows(select).compactMap { try $0.text("name") }.sorted { ClientName.key($0) < ClientName.key($1) }
  }

  func mailSettings(of client: String) throws -> ClientMail {
    try mailSettings(ofClient: existingClientID(named: client))
  }

  /// Who receives the client `id`'s emails, and in which language.
  func mailSettings(ofClient id: Int64) throws -> ClientMail {
    var client = statement()
    client += "SELECT name, lang FROM client WHERE id = " + client.bind(id)
    let row = try rows(client).first
    var people = statement()
    people += "SELECT kind, name, address FROM recipient WHERE client_id = \(people.bind(id)) ORDER BY kind, position"
    var lists: [String: [Recipient]] = [:]
    for person in try rows(people) {
      lists[try person.text("kind") ?? "", default: []]
        .append(Recipient(name: try person.text("name"), address: try person.text("address") ?? ""))
    }
    return ClientMail(
      client: try row?.text("name") ?? "", to: lists["to"] ?? [], cc: lists["cc"] ?? [],
      language: try row?.text("lang").flatMap(Language.init))
  }

  /// The query that reads messages as `messages(_:)` takes them.
  func messageSelect() -> Statement {
    statement() + """
      SELECT c.name AS client, m.variant, \(Statement.dayValue("m.first_day")) AS first_day, \
      \(Statement.dayValue("m.last_day")) AS last_day, m.message_id, m.refs, m.subject, m.mail_to, m.mail_cc, \
      m.mail_bcc, m.state, \(Statement.instantText("m.sent_at")) AS sent_at FROM message m \
      JOIN client c ON c.id = m.client_id
      """
  }

  /// The messages `statement` (made from `messageSelect`) reads; a malformed day (written by hand in a
  /// SQLite file) reads as 1970-01-01.
  func messages(_ statement: Statement) throws -> [MessageRecord] {
    try rows(statement).map { row in
      let first = try row.day("first_day") ?? CalendarDay(dayNumber: 0)
      let last = try row.day("last_day") ?? first
      return MessageRecord(
        client: try row.text("client") ?? "",
        variant: EmailVariant(rawValue: try row.text("variant") ?? "") ?? .week,
        period: DayRange(first: first, last: max(first, last)),
        messageID: try row.text("message_id") ?? "",
        references: (try row.text("refs") ?? "").split(separator: " ").map(String.init),
        subject: try row.text("subject") ?? "", to: try row.text("mail_to") ?? "",
        cc: try row.text("mail_cc") ?? "", bcc: try row.text("mail_bcc") ?? "",
        state: MessageState(rawValue: try row.text("state") ?? "") ?? .written,
        sentAt: try row.text("sent_at"))
    }
  }
}

extension SQLLog {
  func setMailSettings(of client: String, to: [Recipient]?, cc: [Recipient]?, language: Language?) throws
    -> ClientMail
  {
    let id = try clientID(creatingIfMissing: client)
    try setRecipients(ofClient: id, to: to, cc: cc)
    if let language {
      var update = statement()
      update += "UPDATE client SET lang = \(update.bind(language.rawValue)) WHERE id = \(update.bind(id))"
      try execute(update)
    }
    return try mailSettings(ofClient: id)
  }

  func record(_ message: MessageRecord, recipients: (to: [Recipient], cc: [Recipient])?) throws {
    let client = try existingClientID(named: message.client)
    var insert = statement()
    insert += """
      INSERT INTO message (client_id, variant, first_day, last_day, message_id, refs, subject, mail_to, mail_cc,
                           mail_bcc, state, sent_at)
      """
    let values = [
      insert.bind(client), insert.bind(message.variant.rawValue), insert.bind(day: message.period.first),
      insert.bind(day: message.period.last), insert.bind(message.messageID),
      insert.bind(message.references.joined(separator: " ")), insert.bind(message.subject),
      insert.bind(message.to), insert.bind(message.cc), insert.bind(message.bcc),
      insert.bind(message.state.rawValue), insert.bind(instant: message.sentAt),
    ]
    insert += " VALUES (\(values.joined(separator: ", ")))"
    try execute(insert)
    if let recipients { try setRecipients(ofClient: client, to: recipients.to, cc: recipients.cc) }
  }

  func markSent(_ messageID: String, sentAt: String, recipients: (to: [Recipient], cc: [Recipient])) throws {
    var update = statement()
    update += "UPDATE message SET state = 'sent', sent_at = \(update.bind(instant: sentAt))"
    update += " WHERE message_id = \(update.bind(messageID))"
    try execute(update)
    var select = statement()
    select += "SELECT client_id FROM message WHERE message_id = " + select.bind(messageID)
    if let client = try rows(select).first?.integer("client_id") {
      try setRecipients(ofClient: client, to: recipients.to, cc: recipients.cc)
    }
  }

  func forgetUnsent(_ messageID: String) throws {
    var delete = statement()
    delete += "DELETE FROM message WHERE message_id = \(delete.bind(messageID)) AND state = 'sending'"
    try execute(delete)
  }

  /// Replaces the client's To and Cc lists with the non-nil ones.
  func setRecipients(ofClient id: Int64, to: [Recipient]?, cc: [Recipient]?) throws {
    for (kind, list) in [("to", to), ("cc", cc)] {
      guard let list else { continue }
      var delete = statement()
      delete += "DELETE FROM recipient WHERE client_id = \(delete.bind(id)) AND kind = \(delete.bind(kind))"
      try execute(delete)
      for (position, person) in list.enumerated() {
        var insert = statement()
        insert += """
          INSERT INTO recipient (client_id, kind, position, name, address) VALUES (\(insert.bind(id)), \
          \(insert.bind(kind)), \(insert.bind(position)), \(insert.bind(person.name)), \
          \(insert.bind(person.address)))
          """
        try execute(insert)
      }
    }
  }
}
