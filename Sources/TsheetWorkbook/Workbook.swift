import CXlsxWriter
import TsheetCore

/// Why a workbook cannot be written; nothing was written to the destination.
package enum WorkbookError: UserError, Equatable {
    /// More rows than a sheet holds.
    case tooManyRows(Int)
    /// More columns than a sheet holds (a pivot by day over decades).
    case tooManyColumns(Int)
    /// libxlsxwriter could not write the file.
    case failed(String)

    package var exitStatus: ExitStatus {
        switch self {
        case .tooManyRows, .tooManyColumns: .dataError
        case .failed: .ioError
        }
    }

    package var description: String {
        switch self {
        case .tooManyRows(let count):
            "\(count) entries are more than a sheet holds (\(Sheet.maxRows - 1)); narrow the range (--year, --from, "
                + "--to, -c) or export as CSV."
        case .tooManyColumns(let count):
            "a pivot of \(count) columns is wider than a sheet (\(Sheet.maxColumns)); pivot by a longer period "
                + "(--by month) or over a shorter range."
        case .failed(let reason): "the workbook could not be written: \(reason)."
        }
    }
}

/// An .xlsx workbook being written by libxlsxwriter in its constant-memory mode: each sheet's rows go to a
/// temporary file (in `temporaryFolder`) as they are written, in order, and the file is put together on `close`.
final class Workbook {
    private let handle: UnsafeMutablePointer<lxw_workbook>
    private var closed = false
    let formats: Formats

    /// The cell formats the sheets share.
    struct Formats {
        let header, date, hours, wrapped: UnsafeMutablePointer<lxw_format>
    }

    init(path: String, temporaryFolder: String) throws(WorkbookError) {
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 1)
        let made = temporaryFolder.withCString { folder in
            options.tmpdir = UnsafeMutablePointer(mutating: folder)
            return workbook_new_opt(path, &options)
        }
        guard let made else { throw .failed("cannot create '\(path)'") }
        handle = made
        func format(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format> {
            let format = workbook_add_format(made)!
            configure(format)
            return format
        }
        formats = Formats(header: format { format_set_bold($0) },
                          date: format { format_set_num_format($0, "yyyy-mm-dd") },
                          hours: format { format_set_num_format($0, "0.00") },
                          wrapped: format { format_set_text_wrap($0); format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) })
    }

    /// A new sheet named `name` (at most 31 characters, as Excel allows).
    func addSheet(_ name: String) -> Sheet {
        Sheet(handle: workbook_add_worksheet(handle, String(name.prefix(31))), name: String(name.prefix(31)))
    }

    /// A new chart of `type` (`LXW_CHART_COLUMN_STACKED`…), to fill and insert into a sheet.
    func addChart(_ type: lxw_chart_type) -> UnsafeMutablePointer<lxw_chart> {
        workbook_add_chart(handle, UInt8(type.rawValue))
    }

    /// Puts the file together.
    func close() throws(WorkbookError) {
        closed = true
        let result = workbook_close(handle)
        guard result == LXW_NO_ERROR else { throw .failed(String(cString: lxw_strerror(result))) }
    }

    deinit {
        if !closed { workbook_close(handle) } // frees it; the file is a temporary one, removed by the caller
    }
}

/// One sheet of a `Workbook`: cells written row by row, in order.
struct Sheet {
    /// The rows and columns a sheet holds, as Excel and libxlsxwriter count them.
    static let maxRows = 1_048_576, maxColumns = 16_384
    /// The characters a cell's text holds.
    static let maxText = 32_767

    let handle: UnsafeMutablePointer<lxw_worksheet>
    let name: String

    func write(_ number: Double, row: Int, column: Int, format: UnsafeMutablePointer<lxw_format>? = nil) throws(WorkbookError) {
        try check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, format))
    }

    /// `text` with each CR LF, and each CR left, as LF. Read by scalars: as Characters, the CR of "\r\r\n" would
    /// meet the LF left by replacing the "\r\n" after it, and stay.
    static func lineFeeds(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            if !(afterCR && scalar == "\n") { scalars.append(scalar == "\r" ? "\n" : scalar) }
            afterCR = scalar == "\r"
        }
        return String(scalars)
    }

    /// Writes `text` as text: never a formula, whatever it starts with; line breaks as spreadsheets keep them
    /// (LF: a CR would be written as the escape `_x000D_`); past `maxText` it is cut with an ellipsis.
    func write(_ text: String, row: Int, column: Int, format: UnsafeMutablePointer<lxw_format>? = nil) throws(WorkbookError) {
        let text = text.utf8.contains(13) ? Self.lineFeeds(text) : text
        let scalars = text.unicodeScalars
        let fitting = scalars.count <= Self.maxText ? text
            : String(String.UnicodeScalarView(scalars.prefix(Self.maxText - 1))) + "…"
        try check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), fitting, format))
    }

    /// Sets the width (in characters) of the columns `columns`, and their format.
    func setColumns(_ columns: ClosedRange<Int>, width: Double, format: UnsafeMutablePointer<lxw_format>? = nil) {
        worksheet_set_column(handle, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width, format)
    }

    /// Freezes the header row, and puts filter buttons on it over `rows` rows and `columns` columns.
    func freezeHeader(filtering rows: Int, columns: Int) {
        worksheet_freeze_panes(handle, 1, 0)
        worksheet_autofilter(handle, 0, 0, lxw_row_t(max(rows - 1, 0)), lxw_col_t(columns - 1))
    }

    /// Prints the sheet landscape, one page wide, its header row on every page.
    func printOnePageWide() {
        worksheet_set_landscape(handle)
        worksheet_fit_to_pages(handle, 1, 0)
        worksheet_repeat_rows(handle, 0, 0)
    }

    /// Places `chart` with its top left corner at (`row`, `column`), `scale` times the default size.
    func insert(_ chart: UnsafeMutablePointer<lxw_chart>, row: Int, column: Int, scale: Double) throws(WorkbookError) {
        var options = lxw_chart_options()
        options.x_scale = scale
        options.y_scale = scale
        try check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chart, &options))
    }

    private func check(_ result: lxw_error) throws(WorkbookError) {
        guard result == LXW_NO_ERROR else { throw .failed(String(cString: lxw_strerror(result))) }
    }
}
