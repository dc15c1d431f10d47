import TsheetCore

/// The terminal listing of entries: grouped by day, newest first, each day with its total, aligned columns.
package struct EntryTable: Sendable {
    package var hoursFormat: HoursFormat
    package var usesColor: Bool
    /// Titles and descriptions longer than this are cut with an ellipsis.
    package var titleWidth = 48

    package init(hoursFormat: HoursFormat, usesColor: Bool) {
        self.hoursFormat = hoursFormat
        self.usesColor = usesColor
    }

    /// The listing of `entries`, which must be sorted newest day first.
    package func render(_ entries: [Entry]) -> String {
        guard !entries.isEmpty else { return "No entries.\n" }
        let ids = entries.map { "#\($0.id)" }
        let idWidth = ids.map(\.utf8.count).max()!
        let clientWidth = entries.map(\.client.width).max()!
        let titleWidth = min(self.titleWidth, entries.map(\.title.width).max()!)
        let total = entries.map(\.minutes).sum()
        let hoursWidth = max(total.formatted(hoursFormat).count, 5)
        let indent = String(repeating: " ", count: 2 + idWidth + 2 + clientWidth + 2)
        let labelWidth = indent.utf8.count + titleWidth + 2
        var output = ""
        output.reserveCapacity(entries.count * (labelWidth + hoursWidth + 40))
        var index = entries.startIndex
        while index < entries.endIndex {
            let day = entries[index].day
            let end = entries[index...].firstIndex { $0.day != day } ?? entries.endIndex
            if index > entries.startIndex { output += "\n" }
            let dayTotal = entries[index..<end].map(\.minutes).sum()
            let header = "\(day.weekday.shortName) \(day)".padded(to: labelWidth) + hours(dayTotal, width: hoursWidth)
            output += header.styled(.bold, when: usesColor) + "\n"
            for position in index..<end {
                let entry = entries[position]
                output += "  " + ids[position].padded(to: idWidth) + "  " + entry.client.padded(to: clientWidth) + "  "
                output += entry.title.cut(to: titleWidth).padded(to: titleWidth) + "  "
                output += hours(entry.minutes, width: hoursWidth) + "\n"
                if let note = entry.description.firstLine, !note.isEmpty {
                    output += (indent + note.cut(to: max(titleWidth, 64))).styled(.dim, when: usesColor) + "\n"
                }
            }
            index = end
        }
        let count = entries.count == 1 ? "1 entry" : "\(entries.count) entries"
        let footer = "Total, \(count)".padded(to: labelWidth) + hours(total, width: hoursWidth)
        output += "\n" + footer.styled(.bold, when: usesColor) + "\n"
        return output
    }

    private func hours(_ minutes: Minutes, width: Int) -> String {
        let text = minutes.formatted(hoursFormat)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

}

extension String {
    /// The number of characters, counted fast when the text is ASCII (as most titles are).
    var width: Int {
        utf8.allSatisfy { $0 < 0x80 } ? utf8.count : count
    }

    /// The text up to its first line break, or nil when it is empty.
    var firstLine: String? {
        guard !isEmpty else { return nil }
        guard let cut = utf8.firstIndex(where: { $0 == 10 || $0 == 13 }) else { return self }
        return String(self[..<cut])
    }

    /// The text followed by spaces up to `width` characters.
    func padded(to width: Int) -> String {
        let own = self.width
        return own >= width ? self : self + String(repeating: " ", count: width - own)
    }

    /// The text cut to `width` characters, the last replaced by an ellipsis when anything was cut.
    func cut(to width: Int) -> String {
        utf8.count <= width || count <= width ? self : String(prefix(width - 1)) + "…"
    }
}

extension Weekday {
    /// The English three-letter name, `Mon`.
    package var shortName: String { name.prefix(1).uppercased() + name.dropFirst().prefix(2) }
}
