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

    package init(words: [String], client: String? = nil, description: String? = nil, date: String? = nil,
                 minutes: Int? = nil) {
        self.words = words
        self.client = client
        self.description = description
        self.date = date
        self.minutes = minutes
    }
}

/// Why a log request is incomplete.
package enum LogRequestError: UserError, Equatable {
    case missingClient

    package var exitStatus: ExitStatus { .usage }
    package var description: String {
        "no client given; add -c CLIENT, or set default_client in the config file."
    }
}

extension Context {
    /// The entry `request` describes, checked but not yet stored.
    ///
    /// The last word is the duration when it starts like a number (`1h30m`, `90`, `1:30`); the other words,
    /// joined by spaces, are the title. A last word such as `3.2` that starts like a number but is no duration
    /// is refused rather than taken into the title.
    package func newEntry(from request: LogRequest) throws -> NewEntry {
        var words = request.words
        let minutes: Minutes
        if let given = request.minutes {
            minutes = try Minutes.checked(given)
        } else if words.count >= 2, let last = words.last, Self.looksLikeDuration(last) {
            minutes = try Minutes(parsing: last)
            words.removeLast()
        } else if words.count == 1, (try? Minutes(parsing: words[0])) != nil {
            throw EntryError.emptyTitle
        } else {
            throw EntryError.missingDuration
        }
        guard let client = (request.client ?? config.defaultClient)?.trimmed else { throw LogRequestError.missingClient }
        return NewEntry(
            client: try Self.checkedClient(client),
            title: try Self.checkedTitle(words.joined(separator: " ")),
            description: request.description?.trimmed ?? "",
            day: try request.date.map { try DateWord.day(parsing: $0, today: today) } ?? today,
            minutes: minutes)
    }

    /// The changes an edit asks for, checked; `duration` is a duration word, `minutes` a number of minutes.
    package func changes(title: String?, description: String?, date: String?, client: String?,
                         duration: String?, minutes: Int?) throws -> EntryChanges {
        let changes = EntryChanges(
            client: try client.map(Self.checkedClient),
            title: try title.map(Self.checkedTitle),
            description: description?.trimmed,
            day: try date.map { try DateWord.day(parsing: $0, today: today) },
            minutes: try minutes.map(Minutes.checked) ?? duration.map { try Minutes(parsing: $0) })
        if changes.isEmpty { throw EntryError.nothingToChange }
        return changes
    }

    private static func looksLikeDuration(_ word: String) -> Bool {
        guard let first = word.first else { return false }
        return first.isNumber || (first == "-" && word.dropFirst().first?.isNumber == true)
    }

    private static func checkedTitle(_ title: String) throws -> String {
        let title = title.trimmed
        if title.isEmpty { throw EntryError.emptyTitle }
        return title
    }

    /// The client name without surrounding spaces.
    /// - Throws: `EntryError` when nothing is left or it holds a line break or another control character.
    package static func checkedClient(_ client: String) throws -> String {
        let client = client.trimmed
        if client.isEmpty { throw EntryError.emptyClient }
        if client.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw EntryError.controlInClient
        }
        return client
    }
}

extension Minutes {
    /// `minutes` as the duration of one entry.
    /// - Throws: `DurationError` unless it is between one minute and 24 hours.
    static func checked(_ minutes: Int) throws(DurationError) -> Minutes {
        if minutes < 0 { throw .negative(String(minutes)) }
        if minutes == 0 { throw .zero(String(minutes)) }
        if minutes > Minutes.maximumEntry.value { throw .longerThanADay(String(minutes)) }
        return Minutes(minutes)
    }
}
