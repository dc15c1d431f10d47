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
        let idWidth = entries.map { "#\($0.id)".count }.max()!
        let clientWidth = entries.map(\.client.count).max()!
        let titleWidth = min(self.titleWidth, entries.map(\.title.count).max()!)
        let total = entries.map(\.minutes).sum()
        let hoursWidth = max(total.formatted(hoursFormat).count, 5)
        let labelWidth = 2 + idWidth + 2 + clientWidth + 2 + titleWidth + 2
        var lines: [String] = []
        var index = entries.startIndex
        while index < entries.endIndex {
            let day = entries[index].day
            let end = entries[index...].firstIndex { $0.day != day } ?? entries.endIndex
            let dayEntries = entries[index..<end]
            if !lines.isEmpty { lines.append("") }
            let header = "\(day.weekday.shortName) \(day)".padded(to: labelWidth)
                + hours(dayEntries.map(\.minutes).sum(), width: hoursWidth)
            lines.append(styled(header, "1"))
            for entry in dayEntries {
                lines.append("  " + "#\(entry.id)".padded(to: idWidth) + "  " + entry.client.padded(to: clientWidth)
                    + "  " + entry.title.cut(to: titleWidth).padded(to: titleWidth) + "  "
                    + hours(entry.minutes, width: hoursWidth))
                let note = entry.description.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                if !note.isEmpty {
                    let indent = String(repeating: " ", count: 2 + idWidth + 2 + clientWidth + 2)
                    lines.append(styled(indent + note.cut(to: max(titleWidth, 64)), "2"))
                }
            }
            index = end
        }
        let count = entries.count == 1 ? "1 entry" : "\(entries.count) entries"
        lines.append("")
        lines.append(styled("Total, \(count)".padded(to: labelWidth) + hours(total, width: hoursWidth), "1"))
        return lines.joined(separator: "\n") + "\n"
    }

    private func hours(_ minutes: Minutes, width: Int) -> String {
        let text = minutes.formatted(hoursFormat)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// `text` in an SGR style (`1` bold, `2` dim) when colour is on.
    private func styled(_ text: String, _ code: String) -> String {
        usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// The text followed by spaces up to `width` characters.
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// The text cut to `width` characters, the last replaced by an ellipsis when anything was cut.
    func cut(to width: Int) -> String {
        count <= width ? self : String(prefix(width - 1)) + "…"
    }
}

extension Weekday {
    /// The English three-letter name, `Mon`.
    package var shortName: String { name.prefix(1).uppercased() + name.dropFirst().prefix(2) }
}
