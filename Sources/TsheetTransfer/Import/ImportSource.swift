import Foundation
import TsheetCore

/// Where an import's rows come from: a CSV file (`CSVImport`) or a JSON one (`JSONImport`).
package protocol ImportSource: Sendable {
  /// The format, as asked or as the file shows.
  var format: ImportFormat { get }
  /// Calls `body` with every row, in file order.
  /// - Throws: `ImportError` naming the first row that cannot be read, or what `body` throws.
  mutating func forEachRow(_ body: (ImportRow) throws -> Void) throws
}

/// The rows of the file `path`, read from `handle`: as JSON when its name ends in `.json` or `.ndjson` or,
/// with no such name nor `.csv`, when it starts with `[` or `{`; as CSV otherwise. The text is in `encoding`.
///
/// The bytes read to tell are kept and read again from memory, never by seeking back: `handle` may be a pipe
/// (`-`, `/dev/stdin`, `<(…)`, a FIFO).
/// - Throws: `ImportError` for a file that is none of the formats (or not the one `requested`).
package func importSource(
  reading handle: FileHandle, path: String, requested: ImportFormat, encoding: TextEncoding,
  clients: ImportClients
) throws(ImportError) -> any ImportSource {
  var head = Data()
  while firstSignificantByte(of: head) == nil, let more = try? handle.read(upToCount: 4096), !more.isEmpty {
    head += more
  }
  if path.hasSuffix(".json") || path.hasSuffix(".ndjson")
    || !path.hasSuffix(".csv") && [UInt8(ascii: "["), UInt8(ascii: "{")].contains(firstSignificantByte(of: head))
  {
    return try JSONImport(
      data: head + ((try? handle.readToEnd()) ?? Data()), requested: requested,
      encoding: encoding, clients: clients)
  }
  var reader = CSVReader(handle: handle, prefix: head)
  reader.encoding = encoding
  return try CSVImport(reader: reader, requested: requested)
}

/// The first byte that is not white space or part of a byte order mark; nil when there is none yet.
private func firstSignificantByte(of bytes: Data) -> UInt8? {
  bytes.first { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }
}
