import Foundation
import TsheetCore
import TsheetExport
import TsheetStore

/// What `tsheet import` was asked.
package struct ImportRequest: Sendable {
    /// A file, or `-` for standard input.
    package var path: String
    package var format: ImportFormat
    /// Client names to replace (`A=B`), matched without regard to case.
    package var clientMap: [String: String]
    package var dryRun: Bool

    package init(path: String, format: ImportFormat = .auto, clientMap: [String: String] = [:], dryRun: Bool = false) {
        self.path = path
        self.format = format
        self.clientMap = Dictionary(clientMap.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.dryRun = dryRun
    }
}

/// Why an import was refused; nothing was imported.
package enum ImportFailure: UserError, Equatable {
    case missingFile(path: String)
    case badRow(file: String, ImportError)

    package var exitStatus: ExitStatus {
        switch self {
        case .missingFile: .noInput
        case .badRow: .dataError
        }
    }

    package var description: String {
        switch self {
        case .missingFile(let path): "cannot read '\(path)'; check the path."
        case .badRow(let file, let error): "\(file) \(error); nothing was imported."
        }
    }
}

extension Context {
    /// Imports every row of the file in one transaction: all or nothing. Rows imported before (from this file
    /// or another) are skipped; identical rows within the file are distinct entries.
    /// - Parameter progress: called now and then with the number of rows read.
    package func importFile(_ request: ImportRequest, into store: Store,
                            progress: (Int) -> Void = { _ in }) throws -> (ImportSummary, ImportFormat) {
        let name = request.path == "-" ? "standard input" : (request.path as NSString).lastPathComponent
        guard let handle = request.path == "-" ? .standardInput : FileHandle(forReadingAtPath: request.path) else {
            throw ImportFailure.missingFile(path: request.path)
        }
        var format = request.format
        var rows = 0
        var clients: [String: String] = [:] // each name in the file, mapped and checked once
        let summary = try store.importEntries(dryRun: request.dryRun) { batch in
            func add(_ row: ImportRow) throws {
                try batch.add(try checked(row, request: request, clients: &clients), id: row.id)
                rows += 1
                if rows % 100_000 == 0 { progress(rows) }
            }
            do {
                // Standard input cannot be peeked at and read again: it is read whole first.
                let piped = request.path == "-" ? (try? handle.readToEnd()) ?? Data() : nil
                if Self.looksLikeJSON(piped.map { $0.prefix(64) } ?? Self.peek(handle), path: request.path) {
                    let source = try JSONImport(data: piped ?? (try? handle.readToEnd()) ?? Data(),
                                                requested: request.format)
                    format = source.format
                    try source.forEachRow(add)
                } else {
                    let reader = piped.map { CSVReader(data: $0) } ?? CSVReader(handle: handle)
                    var source = try CSVImport(reader: reader, requested: request.format)
                    format = source.format
                    try source.forEachRow(add)
                }
            } catch let error as ImportError {
                throw ImportFailure.badRow(file: name, error)
            }
        }
        return (summary, format)
    }

    /// The row as an entry, with the client map applied and every field checked. `clients` remembers the client
    /// names already checked, by the name the file gives.
    private func checked(_ row: ImportRow, request: ImportRequest,
                         clients: inout [String: String]) throws(ImportError) -> NewEntry {
        let client: String
        if let known = clients[row.client] {
            client = known
        } else {
            let mapped = request.clientMap[row.client.lowercased()] ?? row.client
            guard let name = try? Self.checkedClient(mapped) else {
                throw ImportError(row: row, field: "client", "'\(mapped)' is no client name")
            }
            clients[row.client] = name
            client = name
        }
        let title = row.title.trimmed
        guard !title.isEmpty else { throw ImportError(row: row, field: "title", "is empty") }
        let minutes: Minutes
        do { minutes = try Minutes.checked(row.minutes) } catch { throw ImportError(row: row, field: "minutes", "\(error)") }
        return NewEntry(client: client, title: title, description: row.description, day: row.day, minutes: minutes)
    }

    /// Whether the input starts (after a BOM and white space) with `[` or `{`; a `.json`/`.ndjson` name says so too.
    private static func looksLikeJSON(_ start: Data, path: String) -> Bool {
        if path.hasSuffix(".json") || path.hasSuffix(".ndjson") { return true }
        if path.hasSuffix(".csv") { return false }
        let first = start.first { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }
        return first == UInt8(ascii: "[") || first == UInt8(ascii: "{")
    }

    /// The first bytes of a file, which is then read from its start again.
    private static func peek(_ handle: FileHandle) -> Data {
        let start = (try? handle.read(upToCount: 64)) ?? Data()
        try? handle.seek(toOffset: 0)
        return start
    }
}
