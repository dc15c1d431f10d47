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

  /// The cell formats the sheets share, each aligned to the top of its cell (a row may be several lines tall).
  struct Formats {
    let header, text, date, hours, wrapped: UnsafeMutablePointer<lxw_format>
  }

  init(path: String, temporaryFolder: String) throws(WorkbookError) {
    guard tsheet_xlsx_load() else {
      throw .failed("libxlsxwriter.so.4 is missing; install libxlsxwriter4 (apt install libxlsxwriter4)")
    }
    var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 1)
    let made = temporaryFolder.withCString { folder in
      options.tmpdir = UnsafeMutablePointer(mutating: folder)
      return tsheet_workbook_new_opt(path, &options)
    }
    guard let made else { throw .failed("cannot create '\(path)'") }
    handle = made
    func format(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format> {
      let format = tsheet_workbook_add_format(made)!
      tsheet_format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
      configure(format)
      return format
    }
    formats = Formats(
      header: format { tsheet_format_set_bold($0) },
      text: format { _ in },
      date: format { tsheet_format_set_num_format_index($0, Self.shortDate) },
      hours: format { tsheet_format_set_num_format($0, "0.00") },
      wrapped: format { tsheet_format_set_text_wrap($0) })
  }

  /// The built-in format "short date": each spreadsheet shows it as its reader's locale writes dates
  /// (10/30/2026 in the United States, 30/10/2026 in Spain).
  static let shortDate: UInt8 = 14

  /// A new sheet named `name` (at most 31 characters, as Excel allows).
  func addSheet(_ name: String) -> Sheet {
    Sheet(handle: tsheet_workbook_add_worksheet(handle, String(name.prefix(31))), name: String(name.prefix(31)))
  }

  /// A new chart of `type` (`LXW_CHART_COLUMN_STACKED`…), to fill and put on a chart sheet.
  func addChart(_ type: lxw_chart_type) -> UnsafeMutablePointer<lxw_chart> {
    tsheet_workbook_add_chart(handle, UInt8(type.rawValue))
  }

  /// A new chart sheet named `name` (at most 31 characters) holding `chart`: a page of its own, landscape,
  /// the chart filling it.
  func addChartSheet(_ name: String, chart: UnsafeMutablePointer<lxw_chart>) throws(WorkbookError) {
    let sheet = tsheet_workbook_add_chartsheet(handle, String(name.prefix(31)))
    tsheet_chartsheet_set_landscape(sheet)
    let result = tsheet_chartsheet_set_chart(sheet, chart)
    guard result == LXW_NO_ERROR else { throw .failed(String(cString: tsheet_lxw_strerror(result))) }
  }

  /// Puts the file together.
  func close() throws(WorkbookError) {
    closed = true
    let result = tsheet_workbook_close(handle)
    guard result == LXW_NO_ERROR else { throw .failed(String(cString: tsheet_lxw_strerror(result))) }
  }

  deinit {
    if !closed { tsheet_workbook_close(handle) }  // frees it; the file is a temporary one, removed by the caller
  }
}
