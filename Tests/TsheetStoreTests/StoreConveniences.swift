import TsheetCore

@testable import TsheetStore

/// Each of the store's reads and writes in a transaction of its own, for tests that check one at a time.
extension Store {
  func add(_ entry: NewEntry) throws -> Entry { try write { try $0.add(entry) } }
  func entry(id: Int64) throws -> Entry { try read { try $0.entry(id: id) } }
  func entries(matching filter: EntryFilter) throws -> [Entry] {
    try read { try $0.entries(matching: filter, billing: .asLogged) }
  }
  func update(id: Int64, with changes: EntryChanges) throws -> Entry {
    try write { try $0.update(id: id, with: changes) }
  }
  func remove(ids: [Int64]) throws -> [Entry] { try write { try $0.remove(ids: ids) } }
  func clientSummaries() throws -> [ClientSummary] { try read { try $0.clientSummaries() } }
  func clientName(_ name: String) throws -> String { try read { try $0.clientName(name) } }
  func renameClient(_ old: String, to new: String) throws { try write { try $0.renameClient(old, to: new) } }
  func mergeClient(_ source: String, into target: String) throws -> Int {
    try write { try $0.mergeClient(source, into: target) }
  }
  func pivotCells(
    matching filter: EntryFilter, rows: PivotRows, bucket: Period?,
    rounding: [String: Rounding]
  ) throws -> [PivotCell] {
    try read { try $0.pivotCells(matching: filter, rows: rows, bucket: bucket, billing: BillingRules(rounding)) }
  }
  func billedMinutes(matching filter: EntryFilter, rounding: [String: Rounding]) throws -> Minutes {
    try read { try $0.billedMinutes(matching: filter, billing: BillingRules(rounding)) }
  }
  func mailSettings(of client: String) throws -> ClientMail { try read { try $0.mailSettings(of: client) } }
  func lastMessage(
    to client: String, for variant: EmailVariant = .week,
    over period: DayRange = DayRange(first: CalendarDay(iso: "2000-01-03")!, last: CalendarDay(iso: "2000-01-09")!)
  )
    throws -> MessageRecord?
  { try read { try $0.lastMessage(to: client, for: variant, over: period) } }
  func sentMessages(to client: String? = nil) throws -> [MessageRecord] { try read { try $0.sentMessages(to: client) } }

  /// What the send use case does before it hands a message over: the never-twice check and the record of
  /// the send under way, in one transaction.
  func startSending(_ message: MessageRecord, resend: Bool) throws -> MessageRecord? {
    try write { log in
      if !resend, let previous = try log.sentMessage(like: message) { return previous }
      try log.record(message, recipients: nil)
      return nil
    }
  }
}
