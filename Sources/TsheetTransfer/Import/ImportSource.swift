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

/// The rows of the file `path` (`-` for standard input, read from `handle`), as JSON when its name ends in
/// `.json` or `.ndjson` or, with no such name nor `.csv`, when it starts with `[` or `{`; as CSV otherwise.
/// - Throws: `ImportError` for a file that is none of the formats (or not the one `requested`).
package func importSource(reading handle: FileHandle, path: String, requested: ImportFormat,
                          clients: ImportClients) throws(ImportError) -> any ImportSource {
    // Standard input cannot be peeked at and read again: it is read whole first.
    let piped = path == "-" ? (try? handle.readToEnd()) ?? Data() : nil
    if looksLikeJSON(piped.map { $0.prefix(64) } ?? peek(handle), path: path) {
        return try JSONImport(data: piped ?? (try? handle.readToEnd()) ?? Data(), requested: requested,
                              clients: clients)
    }
    return try CSVImport(reader: piped.map { CSVReader(data: $0) } ?? CSVReader(handle: handle), requested: requested)
}

/// Whether the input starts (after a BOM and white space) with `[` or `{`; a `.json`/`.ndjson` name says so too.
private func looksLikeJSON(_ start: Data, path: String) -> Bool {
    if path.hasSuffix(".json") || path.hasSuffix(".ndjson") { return true }
    if path.hasSuffix(".csv") { return false }
    let first = start.first { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }
    return first == UInt8(ascii: "[") || first == UInt8(ascii: "{")
}

/// The first bytes of a file, which is then read from its start again.
private func peek(_ handle: FileHandle) -> Data {
    let start = (try? handle.read(upToCount: 64)) ?? Data()
    try? handle.seek(toOffset: 0)
    return start
}
