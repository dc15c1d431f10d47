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
