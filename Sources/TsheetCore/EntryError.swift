/// Why an entry's own fields are refused, before anything is stored.
package enum EntryError: UserError, Equatable {
    case emptyTitle
    case emptyClient
    case controlInClient
    case missingDuration
    case nothingToChange

    package var exitStatus: ExitStatus {
        switch self {
        case .emptyTitle, .emptyClient, .controlInClient: .dataError
        case .missingDuration, .nothingToChange: .usage
        }
    }

    package var description: String {
        switch self {
        case .emptyTitle: "the title is empty; say what you did, e.g. tsheet log \"Fixed SSO login\" 1h."
        case .emptyClient: "the client name is empty; name one with -c CLIENT."
        case .controlInClient: "the client name holds a line break or a control character; name it on one line."
        case .missingDuration: "no duration given; add one such as 45m, 1h30m or 1:30 after the title."
        case .nothingToChange: "nothing to change; give --title, --description, --date, -c or a duration."
        }
    }
}

extension String {
    /// The text without surrounding spaces and newlines.
    package var trimmed: String {
        // Most text has nothing to trim: say so from its first and last bytes, without walking characters.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
