import CXlsxWriter
import TsheetCore

/// A pivot on a sheet of its own: a row per client, person or title (or a combination), a column per period, row and column
/// totals and the grand total, in hours; and beside it its chart, a stacked column per period with a part per row.
enum PivotSheet {
    /// The most series a chart holds (Excel's limit); a pivot with more rows charts its totals alone.
    static let maxSeries = 255

    /// Writes `pivot` (rows of `kind`, columns by `period`) on a new sheet of `workbook`, with its chart.
    static func write(_ pivot: Pivot, rows kind: PivotRows, period: Period?, in workbook: Workbook,
                      words: WorkbookWords) throws(WorkbookError) {
        let labels = kind.dimensions.map(words.name(of:))
        let width = labels.count + pivot.columns.count + 1
        guard width <= Sheet.maxColumns else { throw .tooManyColumns(width) }
        guard pivot.rows.count + 2 <= Sheet.maxRows else { throw .tooManyRows(pivot.rows.count) }
        let title = words.hours(by: period)
        let sheet = workbook.addSheet(title)
        let hours = workbook.formats.hours
        sheet.setColumns(0...labels.count - 1, width: 24)
        sheet.setColumns(labels.count...width - 1, width: 10)
        sheet.printOnePageWide()
        for (column, header) in (labels + pivot.columns + [words.total]).enumerated() {
            try sheet.write(header, row: 0, column: column, format: workbook.formats.header)
        }
        func write(_ cells: [Minutes], row: Int) throws(WorkbookError) {
            for (offset, minutes) in cells.enumerated() {
                try sheet.write(Double(minutes.value) / 60, row: row, column: labels.count + offset, format: hours)
            }
        }
        for (index, key) in pivot.rows.enumerated() {
            for (column, name) in kind.labels(of: key).enumerated() { try sheet.write(name, row: index + 1, column: column) }
            try write(pivot.columns.map { pivot.minutes(row: key, column: $0) } + [pivot.total(ofRow: key)], row: index + 1)
        }
        let totalRow = pivot.rows.count + 1
        try sheet.write(words.total, row: totalRow, column: 0, format: workbook.formats.header)
        try write(pivot.columns.map(pivot.total(ofColumn:)) + [pivot.total], row: totalRow)
        guard !pivot.rows.isEmpty else { return }
        let chart = Self.chart(of: pivot, labels: labels.count, sheet: sheet, title: title, totalName: words.total,
                               in: workbook)
        let beside = pivot.columns.count <= 16
        try sheet.insert(chart, row: beside ? 0 : totalRow + 2, column: beside ? width + 1 : 0, scale: 1.5)
    }

    /// The chart of the pivot on `sheet`: per period, a stacked column with a part per row; for totals only, a
    /// column per row.
    private static func chart(of pivot: Pivot, labels: Int, sheet: Sheet, title: String, totalName: String,
                              in workbook: Workbook)
        -> UnsafeMutablePointer<lxw_chart> {
        let totalRow = pivot.rows.count + 1, totalColumn = labels + pivot.columns.count
        let chart = workbook.addChart(pivot.columns.isEmpty ? LXW_CHART_COLUMN : LXW_CHART_COLUMN_STACKED)
        chart_title_set_name(chart, title)
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        func series(row: Int, name: String) {
            let series = chart_add_series(chart, nil, nil)
            chart_series_set_categories(series, sheet.name, 0, lxw_col_t(labels), 0, lxw_col_t(totalColumn - 1))
            chart_series_set_values(series, sheet.name, lxw_row_t(row), lxw_col_t(labels), lxw_row_t(row),
                                    lxw_col_t(totalColumn - 1))
            chart_series_set_name(series, name)
        }
        if pivot.columns.isEmpty {
            chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
            let series = chart_add_series(chart, nil, nil)
            chart_series_set_categories(series, sheet.name, 1, 0, lxw_row_t(totalRow - 1), lxw_col_t(labels - 1))
            chart_series_set_values(series, sheet.name, 1, lxw_col_t(totalColumn), lxw_row_t(totalRow - 1),
                                    lxw_col_t(totalColumn))
        } else if pivot.rows.count <= maxSeries {
            for (index, key) in pivot.rows.enumerated() {
                series(row: index + 1, name: [key.client, key.title].compactMap { $0 }.joined(separator: " · "))
            }
        } else {
            series(row: totalRow, name: totalName)
        }
        return chart
    }
}
