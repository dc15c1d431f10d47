import TsheetCore

/// Writes entries one at a time as CSV, JSON or NDJSON, through a buffer handed to `sink` whenever it fills:
/// an export of a million entries keeps only a buffer's worth in memory.
package struct EntryWriter {
  /// The text formats it writes.
  package enum Format: Sendable {
    case csv, json, ndjson

    /// The text form of `format`; nil for a workbook, which `TsheetWorkbook` writes.
    package init?(_ format: ExportFormat) {
      switch format {
      case .csv: self = .csv
      case .json: self = .json
      case .ndjson: self = .ndjson
      case .xlsx: return nil
      }
    }
  }

  private let sink: ([UInt8]) throws -> Void
  private let format: Format
  private let style: CSVStyle
  private var buffer: [UInt8] = []
  private var count = 0

  /// A writer of `format`; CSV in `style`.
  package init(format: Format, style: CSVStyle = .plain, sink: @escaping ([UInt8]) throws -> Void) {
    self.sink = sink
    self.format = format
    self.style = style
    buffer.reserveCapacity(1 << 16)
    switch format {
    case .csv:
      buffer += style.preamble
      CSVField.append(record: EntryCSV.columns, style: style, to: &buffer)
    case .json: append("[")
    case .ndjson: break
    }
  }

  /// Writes one more entry.
  package mutating func write(_ entry: Entry) throws {
    switch format {
    case .csv:
      EntryCSV.append(entry, style: style, to: &buffer)
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

  private mutating func append(_ text: String) { buffer += text.utf8 }

  private mutating func flush() throws {
    guard !buffer.isEmpty else { return }
    try sink(buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}
