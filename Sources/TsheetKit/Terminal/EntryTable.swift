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

    /// The listing of `entries`, which must be sorted newest day first; who did each is shown when they are
    /// more than one person's.
    package func render(_ entries: [Entry]) -> String {
        guard !entries.isEmpty else { return "No entries.\n" }
        let entries = entries.map { $0.escapedForTerminal }
        let ids = entries.map { "#" + String($0.id) }
        let idWidth = ids.map { $0.utf8.count }.max()!
        let clientWidth = entries.map { $0.client.width }.max()!
        let personWidth = entries.contains { $0.person != entries[0].person } ? entries.map { $0.person.width }.max()! + 2 : 0
        let titleWidth = min(self.titleWidth, entries.map { $0.title.width }.max()!)
        let total = entries.map(\.minutes).sum()
        let hoursWidth = max(total.formatted(hoursFormat).count, 5)
        let indentWidth = 2 + idWidth + 2 + clientWidth + 2 + personWidth
        let labelWidth = indentWidth + titleWidth + 2
        // Lines are written into one string, padding included: no string per cell.
        var output = ""
        output.reserveCapacity(entries.count * (labelWidth + hoursWidth + 40))
        let spaces = (0...labelWidth + hoursWidth).map { String(repeating: " ", count: $0) }
        func write(_ text: String, paddedTo width: Int) {
            output += text
            output += spaces[max(0, width - text.width)]
        }
        func write(_ minutes: Minutes) {
            let text = minutes.formatted(hoursFormat)
            output += spaces[max(0, hoursWidth - text.utf8.count)]
            output += text
        }
        func writeStyled(_ style: TerminalStyle, _ line: () -> Void) {
            if usesColor { output += style.on }
            line()
            if usesColor { output += TerminalStyle.off }
            output += "\n"
        }
        var index = entries.startIndex
        while index < entries.endIndex {
            let day = entries[index].day
            let end = entries[index...].firstIndex { $0.day != day } ?? entries.endIndex
            if index > entries.startIndex { output += "\n" }
            writeStyled(.bold) {
                write("\(day.weekday.shortName) \(day)", paddedTo: labelWidth)
                write(entries[index..<end].map(\.minutes).sum())
            }
            for position in index..<end {
                let entry = entries[position]
                output += "  "
                write(ids[position], paddedTo: idWidth + 2)
                write(entry.client, paddedTo: clientWidth + 2)
                if personWidth > 0 { write(entry.person, paddedTo: personWidth) }
                write(entry.title.cut(to: titleWidth), paddedTo: titleWidth + 2)
                write(entry.minutes)
                output += "\n"
                if let note = entry.description.firstLine, !note.isEmpty {
                    writeStyled(.dim) {
                        output += spaces[indentWidth]
                        output += note.cut(to: max(titleWidth, 64))
                    }
                }
            }
            index = end
        }
        output += "\n"
        writeStyled(.bold) {
            write(entries.count == 1 ? "Total, 1 entry" : "Total, \(entries.count) entries", paddedTo: labelWidth)
            write(total)
        }
        return output
    }
}
