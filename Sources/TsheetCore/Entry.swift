/// One logged activity: what was done, for which client, on which day, for how long, and by whom.
package struct Entry: Hashable, Sendable {
  package var id: Int64
  package var client: String
  package var title: String
  package var description: String
  package var day: CalendarDay
  package var minutes: Minutes
  /// Who did the work (a login name, or the config's `person`).
  package var person: String

  package init(
    id: Int64, client: String, title: String, description: String, day: CalendarDay, minutes: Minutes,
    person: String
  ) {
    self.id = id
    self.client = client
    self.title = title
    self.description = description
    self.day = day
    self.minutes = minutes
    self.person = person
  }
}

extension Entry {
  /// The entry as a terminal shows it: control characters in its fields written as escapes (`\x1b`), line
  /// breaks in its description kept. A log written by tsheet holds none; one edited by hand might.
  package var escapedForTerminal: Entry {
    guard
      client.containsControlCharacters || title.containsControlCharacters || person.containsControlCharacters
        || description.containsControlCharacters(besidesLineBreaks: true)
    else { return self }
    var entry = self
    entry.client = client.escapingControlCharacters
    entry.person = person.escapingControlCharacters
    entry.title = title.escapingControlCharacters
    entry.description = description.escapingControlCharacters(keepingLineBreaks: true)
    return entry
  }
}

/// An activity about to be logged: an `Entry` without its id.
package struct NewEntry: Hashable, Sendable {
  package var client: String
  package var title: String
  package var description: String
  package var day: CalendarDay
  package var minutes: Minutes
  package var person: String

  package init(
    client: String, title: String, description: String = "", day: CalendarDay, minutes: Minutes,
    person: String
  ) {
    self.client = client
    self.title = title
    self.description = description
    self.day = day
    self.minutes = minutes
    self.person = person
  }
}

/// The fields `tsheet edit` changes; nil leaves a field as it is.
package struct EntryChanges: Hashable, Sendable {
  package var client: String?
  package var title: String?
  package var description: String?
  package var day: CalendarDay?
  package var minutes: Minutes?
  package var person: String?

  package init(
    client: String? = nil, title: String? = nil, description: String? = nil,
    day: CalendarDay? = nil, minutes: Minutes? = nil, person: String? = nil
  ) {
    self.client = client
    self.title = title
    self.description = description
    self.day = day
    self.minutes = minutes
    self.person = person
  }

  /// Whether applying these changes would change nothing.
  package var isEmpty: Bool { self == EntryChanges() }
}

/// Which entries a listing or an export reads.
package struct EntryFilter: Hashable, Sendable {
  /// Only this client's entries (matched without regard to case).
  package var client: String?
  /// Only this person's entries (matched exactly).
  package var person: String?
  /// Only entries on or after this day.
  package var from: CalendarDay?
  /// Only entries on or before this day.
  package var to: CalendarDay?
  /// Only entries whose title or description contains this text (ASCII letters match in any case).
  package var search: String?
  /// At most this many entries, newest first.
  package var limit: Int?
  /// Only entries a listing (newest day first, then newest logged) shows after this one: the next page.
  package var after: ListPosition?

  package init(
    client: String? = nil, person: String? = nil, from: CalendarDay? = nil, to: CalendarDay? = nil,
    search: String? = nil, limit: Int? = nil
  ) {
    self.client = client
    self.person = person
    self.from = from
    self.to = to
    self.search = search
    self.limit = limit
  }
}

/// Where an entry stands in a listing, newest day first and, within a day, newest logged first.
package struct ListPosition: Hashable, Sendable {
  package var day: CalendarDay
  package var id: Int64

  package init(of entry: Entry) {
    day = entry.day
    id = entry.id
  }
}

/// One client with what its log holds, as `tsheet clients` shows it.
package struct ClientSummary: Hashable, Sendable {
  package var name: String
  package var entryCount: Int
  package var minutes: Minutes
  /// The newest day with an entry, or nil for a client with no entries.
  package var lastDay: CalendarDay?

  package init(name: String, entryCount: Int, minutes: Minutes, lastDay: CalendarDay?) {
    self.name = name
    self.entryCount = entryCount
    self.minutes = minutes
    self.lastDay = lastDay
  }
}
