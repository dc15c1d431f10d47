import CXlsxWriter
import TsheetCore

/// Which rows of a pivot its chart shows as series: every row, up to `maxSeries`; past it, the `maxSeries - 1`
/// rows with the most hours, and the rest summed as one series ("The other 7"), written on a row of its own
/// below the totals so that the chart can refer to it.
struct ChartSeries {
  /// The most series a chart shows, as seen in LibreOffice: it colours series with the theme's six accents,
  /// then with lighter shades of them; a 13th series brings a third shade of a hue already used twice.
  static let maxSeries = 12

  /// The pivot's rows shown one by one, and those summed as "the other N", by index, in the table's order.
  let shown: [Int], others: [Int]
  /// The sheet's row of the totals, and of "the other N" (a row left empty between them).
  let totalRow: Int, othersRow: Int

  init(of pivot: Pivot) {
    let rows = pivot.rows.indices
    if rows.count <= Self.maxSeries {
      (shown, others) = (Array(rows), [])
    } else {
      let ranked = rows.sorted {
        (pivot.total(ofRow: pivot.rows[$0]).value, $1) > (pivot.total(ofRow: pivot.rows[$1]).value, $0)
      }
      (shown, others) = (ranked.prefix(Self.maxSeries - 1).sorted(), ranked.dropFirst(Self.maxSeries - 1).sorted())
    }
    totalRow = rows.count + 1
    othersRow = totalRow + 2
  }

  /// The minutes of the rows in `others`, per column of `pivot`, and their total.
  func otherMinutes(in pivot: Pivot) -> [Minutes] {
    let keys = others.map { pivot.rows[$0] }
    func sum(_ cell: (PivotRowKey) -> Minutes) -> Minutes { Minutes(keys.reduce(0) { $0 + cell($1).value }) }
    return pivot.columns.map { column in sum { pivot.minutes(row: $0, column: column) } } + [sum(pivot.total(ofRow:))]
  }
}

/// The chart of a pivot on `sheet`: per period, a stacked column with a part per series, its legend beside the
/// plot; for totals only, a column per series side by side. Each series is named as its row reads in the table
/// ("acme · ana · Fixed SSO login"), and the periods are given as text.
struct PivotChart {
  let pivot: Pivot
  /// The number of label columns, before the first period's.
  let labels: Int
  let sheet: Sheet
  let series: ChartSeries
  /// Each row's name, in the table's order; the name of "the other N"; the header of the totals column.
  let names: [String], othersName: String, totalName: String

  /// Makes the chart, titled `title`, in `workbook`.
  func make(title: String, in workbook: Workbook) -> UnsafeMutablePointer<lxw_chart> {
    let chart = workbook.addChart(pivot.columns.isEmpty ? LXW_CHART_COLUMN : LXW_CHART_COLUMN_STACKED)
    tsheet_chart_title_set_name(chart, title)
    tsheet_chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_RIGHT.rawValue))
    let categories = pivot.columns.isEmpty ? [totalName] : pivot.columns
    let first = lxw_col_t(labels)
    let last = lxw_col_t(labels + categories.count - 1)
    let othersRow = series.others.isEmpty ? [] : [(series.othersRow, othersName)]
    for (row, name) in series.shown.map({ ($0 + 1, names[$0]) }) + othersRow {
      let added = tsheet_chart_add_series(chart, nil, nil)
      tsheet_chart_series_set_categories(added, sheet.name, 0, first, 0, last)
      if let range = added?.pointee.categories {
        for category in categories { _ = tsheet_cache_text(range, category) }
      }
      tsheet_chart_series_set_values(added, sheet.name, lxw_row_t(row), first, lxw_row_t(row), last)
      tsheet_chart_series_set_name(added, name)
    }
    return chart
  }
}
