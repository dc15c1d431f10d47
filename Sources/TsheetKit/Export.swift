import Foundation
import TsheetCore
import TsheetExport
import TsheetStore

/// Why an export could not be written.
package enum ExportFailure: UserError, Equatable {
    case unwritable(path: String)

    package var exitStatus: ExitStatus { .ioError }
    package var description: String {
        switch self {
        case .unwritable(let path): "cannot write '\(path)'; check the folder and its permissions."
        }
    }
}

extension Context {
    /// Writes every entry matching `filter`, in the order they were logged, to `path` (standard output when nil), streaming.
    /// `excel` shapes CSV for a spreadsheet in the language of `lang` (default: the config's).
    /// - Parameter progress: called now and then with the number of rows written.
    /// - Returns: the number of entries written.
    package func export(_ filter: EntryFilter, format: EntryWriter.Format, excel: Bool, lang: String?, to path: String?,
                        from store: Store, progress: (Int) -> Void = { _ in }) throws -> Int {
        let handle: FileHandle
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let file = FileHandle(forWritingAtPath: path) else { throw ExportFailure.unwritable(path: path) }
            handle = file
        } else {
            handle = .standardOutput
        }
        let spanish = (lang ?? config.lang?.rawValue) == "es"
        var writer = EntryWriter(handle: handle, format: format,
                                 spreadsheet: excel ? EntryWriter.Spreadsheet(decimalComma: spanish) : nil)
        var count = 0
        do {
            try store.forEachEntry(matching: filter) { entry in
                try writer.write(entry)
                count += 1
                if count % 100_000 == 0 { progress(count) }
            }
            try writer.finish()
        } catch let error as any UserError {
            throw error
        } catch {
            throw ExportFailure.unwritable(path: path ?? "standard output")
        }
        return count
    }
}
