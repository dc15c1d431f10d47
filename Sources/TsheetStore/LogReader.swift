import TsheetCore

/// What a transaction can read of the log. Names of clients match without regard to case (`ClientName.key`).
package protocol LogReader {
  /// The entry with this id.
  /// - Throws: `StoreError.noSuchEntry` when there is none.
  func entry(id: Int64) throws -> Entry

  /// The entries that match `filter`, newest day first (and, within a day, last logged first), with the
  /// minutes `billing` bills for each: rounded by its client's rule.
  /// - Throws: `StoreError.noSuchClient` when the filter names a client that does not exist.
  func entries(matching filter: EntryFilter, billing: BillingRules) throws -> [Entry]

  /// Every client with its entry count, total time and last day, by name.
  func clientSummaries() throws -> [ClientSummary]

  /// The stored name of the client called `name` in any case.
  /// - Throws: `StoreError.noSuchClient` when there is none.
  func clientName(_ name: String) throws -> String

  /// Every client's name, as stored.
  func clientNames() throws -> [String]

  /// The billed minutes of the entries matching `filter`, summed per row (by the dimensions `rows` names) and per
  /// bucket of days: each cell's `day` is the first day of its bucket. Buckets are days for `.day` and
  /// `.week` (weeks depend on the first weekday, so `Pivot` rolls them up from days), months, years, or the
  /// whole range for nil.
  func pivotCells(matching filter: EntryFilter, rows: PivotRows, bucket: Period?, billing: BillingRules) throws
    -> [PivotCell]

  /// How many entries match `filter` (its limit aside).
  func entryCount(matching filter: EntryFilter) throws -> Int

  /// The billed minutes of the entries matching `filter`: the one sum of a pivot without rows or columns.
  func billedMinutes(matching filter: EntryFilter, billing: BillingRules) throws -> Minutes

  /// Who receives `client`'s emails, and in which language.
  /// - Throws: `StoreError.noSuchClient` when there is no such client.
  func mailSettings(of client: String) throws -> ClientMail

  /// Every client's terms as the log holds them (set by `clients set`, or moved from a config): what reports,
  /// emails and exports bill by, the same for everyone who reads the log. A client whose terms were never set
  /// has none.
  func billingTerms() throws -> BillingTerms

  /// Everything the log holds about `client`: recipients, language, rounding and contracted hours.
  /// - Throws: `StoreError.noSuchClient` when there is no such client.
  func settings(of client: String) throws -> ClientSettings

  /// The clients with entries in `range` and someone to send their emails to (a To recipient), by name
  /// without regard to case: who the Monday batch writes to.
  func clientsToMail(over range: DayRange) throws -> [String]

  /// The newest message written or sent to `client` that the next one, of `variant` over `period`, replies
  /// to; nil when none was. Only what the client may have received is a parent: a message written to a file
  /// is left out once its period was sent, and when it is of `variant` and `period` itself (a preview of the
  /// message being made).
  func lastMessage(to client: String, for variant: EmailVariant, over period: DayRange) throws -> MessageRecord?

  /// The messages sent to `client` (every client when nil), newest first, with those that may have gone out
  /// (`sending`: the send could not be recorded).
  func sentMessages(to client: String?) throws -> [MessageRecord]

  /// The newest message of the same client, variant and period as `message` that went, or may have gone, out:
  /// the never-twice rule's question.
  func sentMessage(like message: MessageRecord) throws -> MessageRecord?

  /// The timer `person` is running, with its client's stored name; nil when none runs.
  func timer(of person: String) throws -> RunningTimer?

  /// The days marked off in `range` (every one when nil), everyone's and each person's, by day; on a day, the
  /// holiday first.
  func daysOff(in range: DayRange?) throws -> [DayOff]
}

/// What a write transaction can do to the log, besides reading it. Each method keeps the log consistent: the
/// daily totals and the clients follow the entries.
package protocol LogWriter: LogReader {
  /// Logs `entry`, creating its client on first use.
  /// - Returns: the entry as stored, with its id and the client's name as first written.
  func add(_ entry: NewEntry) throws -> Entry

  /// Applies `changes` to the entry `id`.
  /// - Returns: the entry as stored after the change.
  func update(id: Int64, with changes: EntryChanges) throws -> Entry

  /// Removes the entries `ids`, all or none.
  /// - Returns: the removed entries, in the order of `ids`.
  /// - Throws: `StoreError.noSuchEntry` for the first id that does not exist.
  func remove(ids: [Int64]) throws -> [Entry]

  /// Renames the client `old` to `new` (a change of case alone is allowed); its entries follow.
  /// - Throws: `StoreError.clientExists` when another client already has the name `new`.
  func renameClient(_ old: String, to new: String) throws

  /// Gives `old`'s entries, timer and days off to `new` (who may have work already: the two become one), and
  /// the keys an earlier import stored for them, so that the same file imported again as `new`'s adds nothing.
  /// - Returns: the number of entries renamed.
  /// - Throws: `StoreError.noSuchPerson` when `old` has no entry, no timer and no day off, `.bothTimersRun` when
  ///   `old` and `new` each run a timer.
  func renamePerson(_ old: String, to new: String) throws -> Int

  /// Moves every entry, message and timer of `source` to `target` and removes `source`.
  /// - Returns: the number of entries moved.
  func mergeClient(_ source: String, into target: String) throws -> Int

  /// Stores the non-nil fields for `client`, creating the client if needed: the next email goes to them.
  /// - Returns: the settings as stored.
  func setMailSettings(of client: String, to: [Recipient]?, cc: [Recipient]?, language: Language?) throws
    -> ClientMail

  /// Stores `terms` whole as `client`'s (creating the client if needed) and marks them set: from now on they
  /// are what the log bills `client` by, and a config section for it is no longer moved in.
  /// - Returns: the client's settings as stored.
  func setTerms(_ terms: ClientTerms, of client: String) throws -> ClientSettings

  /// Records `message`, written to a file or sent, in `message.state`, with `recipients` as the client's
  /// people from now on; a `sending` message is one the mail server is about to be handed.
  func record(_ message: MessageRecord, recipients: (to: [Recipient], cc: [Recipient])?) throws

  /// Marks the message `messageID` sent at `sentAt`, and `recipients` as its client's people.
  func markSent(_ messageID: String, sentAt: String, recipients: (to: [Recipient], cc: [Recipient])) throws

  /// Forgets the message `messageID`, which the mail server did not take.
  func forgetUnsent(_ messageID: String) throws

  /// Starts `timer` as `person`'s, creating its client on first use; `person` must have none running.
  /// - Returns: the timer as stored, with the client's name as first written.
  func start(_ timer: RunningTimer, for person: String) throws -> RunningTimer

  /// Forgets `person`'s timer, if one runs.
  func removeTimer(of person: String) throws

  /// Marks `dayOff.day` off for its person (for everyone when nil), with its reason (replacing an earlier one).
  func markOff(_ dayOff: DayOff) throws

  /// Unmarks `day` for `person` (the holiday when nil); the other people's days off stay. Returns whether it
  /// was marked.
  func unmarkOff(_ day: CalendarDay, of person: String?) throws -> Bool
}
