import Foundation
import TsheetCore

/// Writes entries one at a time as CSV, JSON or NDJSON to a file handle, through a buffer: an export of a
/// million entries keeps only a buffer's worth in memory.
package struct EntryWriter {
    package enum Format: String, Sendable, CaseIterable {
        case csv, json, ndjson
    }

    /// How CSV is shaped for a spreadsheet in the user's locale (`--excel`).
    package struct Spreadsheet: Sendable {
        /// `;` and a decimal comma, as Spanish spreadsheets expect; else `,` and a dot.
        package var decimalComma: Bool

        package init(decimalComma: Bool) { self.decimalComma = decimalComma }
    }

    private let handle: FileHandle
    private let format: Format
    private let spreadsheet: Spreadsheet?
    private var buffer: [UInt8] = []
    private var count = 0

    package init(handle: FileHandle, format: Format, spreadsheet: Spreadsheet? = nil) {
        self.handle = handle
        self.format = format
        self.spreadsheet = spreadsheet
        buffer.reserveCapacity(1 << 16)
        switch format {
        case .csv:
            if spreadsheet != nil { buffer += [0xEF, 0xBB, 0xBF] }
            CSVField.append(record: EntryCSV.columns, separator: separator, to: &buffer)
        case .json: append("[")
        case .ndjson: break
        }
    }

    /// Writes one more entry.
    package mutating func write(_ entry: Entry) throws {
        switch format {
        case .csv:
            EntryCSV.append(entry, separator: separator, decimalSeparator: spreadsheet?.decimalComma == true ? "," : ".",
                            text: spreadsheet == nil ? { $0 } : Self.inert, to: &buffer)
        case .json: append((count == 0 ? "\n  " : ",\n  ") + EntryJSON.object(entry))
        case .ndjson: append(EntryJSON.object(entry) + "\n")
        }
        count += 1
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes what is left and closes the JSON array.
    package mutating func finish() throws {
        if format == .json { append(count == 0 ? "]\n" : "\n]\n") }
        try flush()
    }

    private var separator: UInt8 { UInt8(ascii: spreadsheet?.decimalComma == true ? ";" : ",") }

    /// A cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR), made inert
    /// by a leading apostrophe, as spreadsheets themselves write text.
    static func inert(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    private mutating func append(_ text: String) { buffer += text.utf8 }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
