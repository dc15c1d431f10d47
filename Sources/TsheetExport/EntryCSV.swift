import TsheetCore

/// Entries as CSV rows, the columns every export and `list --format csv` share.
package enum EntryCSV {
    /// The columns, in order.
    package static let columns = ["id", "date", "client", "title", "description", "minutes", "hours"]

    /// The header row: `id,date,client,title,description,minutes,hours`.
    package static let header = CSVField.record(columns)

    /// One entry as a CSV row; hours have two decimals and a dot.
    package static func row(_ entry: Entry) -> String {
        var bytes: [UInt8] = []
        append(entry, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `entry` as a CSV row to `bytes`. `text` shapes the cells a person typed (client, title and
    /// description): a spreadsheet export makes formulas inert there.
    package static func append(_ entry: Entry, separator: UInt8 = UInt8(ascii: ","), decimalSeparator: Character = ".",
                               text: (String) -> String = { $0 }, to bytes: inout [UInt8]) {
        func field(_ value: String, last: Bool = false) {
            CSVField.append(value, separator: separator, to: &bytes)
            bytes.append(last ? 13 : separator)
        }
        field(String(entry.id))
        field(entry.day.description)
        field(text(entry.client))
        field(text(entry.title))
        field(text(entry.description))
        field(String(entry.minutes.value))
        field(entry.minutes.formatted(.decimal, decimalSeparator: decimalSeparator), last: true)
        bytes.append(10)
    }
}
