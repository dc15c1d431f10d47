import TsheetCore

/// What the user typed to log an activity: `tsheet log Fixed SSO login 1h30m -c acme`.
package struct LogRequest: Sendable {
  /// The title's words, optionally followed by the duration.
  package var words: [String]
  package var client: String?
  package var description: String?
  package var date: String?
  /// The duration as a number of minutes, instead of a trailing duration word.
  package var minutes: Int?

  package init(
    words: [String], client: String? = nil, description: String? = nil, date: String? = nil,
    minutes: Int? = nil
  ) {
    self.words = words
    self.client = client
    self.description = description
    self.date = date
    self.minutes = minutes
  }

  /// The entry this request describes, checked but not yet stored; the client defaults to `defaultClient`, the
  /// work is `person`'s.
  ///
  /// The last word is the duration when it starts like a number (`1h30m`, `90`, `1:30`); the other words,
  /// joined by spaces, are the title. A last word such as `3.2` that starts like a number but is no duration
  /// is refused rather than taken into the title.
  package func entry(today: CalendarDay, defaultClient: String?, person: String) throws -> NewEntry {
    var words = words
    let minutes: Minutes
    if let given = self.minutes {
      if words.count >= 2, let last = words.last, Self.looksLikeDuration(last),
        last.contains(where: { $0.isLetter || $0 == ":" }), (try? Minutes(parsing: last)) != nil
      {
        throw LogRequestError.twoDurations(last)
      }
      minutes = try Minutes(entryLength: given)
    } else if words.count >= 2, let last = words.last, Self.looksLikeDuration(last) {
      minutes = try Minutes(parsing: last)
      words.removeLast()
    } else if words.count == 1, (try? Minutes(parsing: words[0])) != nil {
      throw EntryError.emptyTitle
    } else {
      throw EntryError.missingDuration
    }
    guard let client = client ?? defaultClient else { throw LogRequestError.missingClient }
    return NewEntry(
      client: try EntryField.client(client),
      title: try EntryField.title(words.joined(separator: " ")),
      description: try EntryField.description(description ?? ""),
      day: try date.map { try DateWord.day(parsing: $0, today: today) } ?? today,
      minutes: minutes,
      person: person)
  }

  private static func looksLikeDuration(_ word: String) -> Bool {
    guard let first = word.first else { return false }
    return first.isNumber || (first == "-" && word.dropFirst().first?.isNumber == true)
  }
}

/// What `tsheet edit` was asked to change; nil leaves a field as it is.
package struct EditRequest: Sendable {
  package var title: String?
  package var description: String?
  package var date: String?
  package var client: String?
  /// A duration word (`2h`).
  package var duration: String?
  /// A number of minutes.
  package var minutes: Int?
  /// Whose work it was (`--as`).
  package var person: String?

  package init(
    title: String? = nil, description: String? = nil, date: String? = nil, client: String? = nil,
    duration: String? = nil, minutes: Int? = nil, person: String? = nil
  ) {
    self.person = person
    self.title = title
    self.description = description
    self.date = date
    self.client = client
    self.duration = duration
    self.minutes = minutes
  }

  /// The changes, checked.
  /// - Throws: `EntryError.nothingToChange` when nothing is given, or the error of the first bad field.
  package func changes(today: CalendarDay) throws -> EntryChanges {
    let changes = EntryChanges(
      client: try client.map(EntryField.client),
      title: try title.map(EntryField.title),
      description: try description.map(EntryField.description),
      day: try date.map { try DateWord.day(parsing: $0, today: today) },
      minutes: try minutes.map { try Minutes(entryLength: $0) } ?? duration.map { try Minutes(parsing: $0) },
      person: try person.map(EntryField.person))
    if changes.isEmpty { throw EntryError.nothingToChange }
    return changes
  }
}

/// Why a log request is incomplete or says one thing twice.
package enum LogRequestError: UserError, Equatable {
  case missingClient
  case twoDurations(String)

  package var exitStatus: ExitStatus { .usage }
  package var description: String {
    switch self {
    case .missingClient: "no client given; add -c CLIENT, or set default_client in the config file."
    case .twoDurations(let word):
      "'\(word.echoed())' and --minutes both give the duration; keep one of them."
    }
  }
}
