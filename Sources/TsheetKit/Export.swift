import TsheetCore
import TsheetExport
import TsheetStore

extension Context {
    /// Writes every entry matching `filter`, in the order they were logged, to `path` (standard output when nil
    /// or `-`), streaming. CSV is written in `style`.
    /// - Parameter progress: called now and then with the number of rows written.
    /// - Returns: the number of entries written.
    package func export(_ filter: EntryFilter, format: EntryWriter.Format, style: CSVStyle, to path: String?,
                        from store: Store, progress: (Int) -> Void = { _ in }) throws -> Int {
        let output = try Output.open(path ?? "-")
        var writer = EntryWriter(format: format, style: style) { bytes in try output.write(bytes) }
        var count = 0
        try store.forEachEntry(matching: filter) { entry in
            try writer.write(entry)
            count += 1
            if count % 100_000 == 0 { progress(count) }
        }
        try writer.finish()
        try output.close()
        return count
    }

    /// How CSV is shaped: for a spreadsheet in `language` (default: the config's) when `excel`, else plain.
    package func csvStyle(excel: Bool, language: Language?) -> CSVStyle {
        excel ? .spreadsheet(language ?? config.lang ?? .en) : .plain
    }
}
