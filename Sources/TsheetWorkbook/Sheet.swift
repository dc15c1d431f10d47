import CXlsxWriter

/// One sheet of a `Workbook`: cells written row by row, in order (a row's height before its cells); column
/// widths and print settings at any time before the workbook closes.
struct Sheet {
  /// The rows and columns a sheet holds, as Excel and libxlsxwriter count them.
  static let maxRows = 1_048_576, maxColumns = 16_384
  /// The height of a line of text in the default font (Calibri 11), and the most a row can be, in points.
  static let lineHeight = 15.0, maxRowHeight = 409.0

  let handle: UnsafeMutablePointer<lxw_worksheet>
  let name: String

  func write(_ number: Double, row: Int, column: Int, format: UnsafeMutablePointer<lxw_format>? = nil)
    throws(WorkbookError)
  {
    try check(tsheet_worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, format))
  }

  /// Writes `text` as text (`CellText.cell`): never a formula, whatever it starts with.
  func write(_ text: String, row: Int, column: Int, format: UnsafeMutablePointer<lxw_format>? = nil)
    throws(WorkbookError)
  {
    try check(tsheet_worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), CellText.cell(text), format))
  }

  /// Makes `row` tall enough for `lines` lines of text (up to the most a row can be); one line is the default.
  /// Called before the row's first cell: libxlsxwriter writes a row's height with the row.
  func setHeight(ofRow row: Int, lines: Int) throws(WorkbookError) {
    guard lines > 1 else { return }
    let height = min(Double(lines) * Self.lineHeight, Self.maxRowHeight)
    try check(tsheet_worksheet_set_row(handle, lxw_row_t(row), height, nil))
  }

  /// Sets the width (in characters) of the columns `columns`, and their format.
  func setColumns(_ columns: ClosedRange<Int>, width: Double, format: UnsafeMutablePointer<lxw_format>? = nil) {
    tsheet_worksheet_set_column(handle, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width, format)
  }

  /// Freezes the header row and the first `columns` columns on screen.
  func freeze(columns: Int = 0) {
    tsheet_worksheet_freeze_panes(handle, 1, lxw_col_t(columns))
  }

  /// Puts filter buttons on the header over `rows` rows and `columns` columns.
  func filter(rows: Int, columns: Int) {
    tsheet_worksheet_autofilter(handle, 0, 0, lxw_row_t(max(rows - 1, 0)), lxw_col_t(columns - 1))
  }

  /// Prints the sheet landscape, `pages` pages wide (as many as it takes when nil), with the header row and
  /// the first `columns` columns on every page.
  func printLandscape(pagesWide pages: Int?, repeatingColumns columns: Int = 0) {
    tsheet_worksheet_set_landscape(handle)
    if let pages { tsheet_worksheet_fit_to_pages(handle, UInt16(clamping: pages), 0) }
    tsheet_worksheet_repeat_rows(handle, 0, 0)
    if columns > 0 { tsheet_worksheet_repeat_columns(handle, 0, lxw_col_t(columns - 1)) }
  }

  private func check(_ result: lxw_error) throws(WorkbookError) {
    guard result == LXW_NO_ERROR else { throw .failed(String(cString: tsheet_lxw_strerror(result))) }
  }
}
