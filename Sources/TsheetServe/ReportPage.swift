import TsheetCore
import TsheetKit

/// A pivot's page: the options of `tsheet report` as a form, the pivot as a table with the same numbers the
/// command prints, a chart of each row's hours, and the same pivot as a workbook. Every text is escaped.
struct ReportPage {
  let report: Report
  let query: ReportQuery
  /// How hours read, as the config tells `tsheet report`.
  let hoursFormat: HoursFormat

  /// The most columns and cells a page shows (10 years by week, 120 rows by 1,000 columns): past them a
  /// browser struggles and nobody reads the table; the page says how to narrow it instead.
  static let largest = (columns: 1_000, cells: 120_000)

  var page: Page {
    let pivot = report.pivot
    let bars = pivot.rows.map { (report.rows.labels(of: $0).joined(separator: " · "), pivot.total(ofRow: $0)) }
    let workbook = "/report.xlsx" + (query.queryString.isEmpty ? "" : "?" + query.queryString)
    return Page(
      title: "Report",
      body: """
        <header><h1>Report</h1><p class="range"><code>\(query.command.htmlEscaped)</code></p></header>
        <nav><a href="/">Week</a><a href="\(workbook.htmlEscaped)" download>Workbook (.xlsx)</a></nav>
        \(form)
        <main>
        \(table)
        \(BarChart(bars: bars, title: "Hours by \(report.rows.rawValue.replacing(",", with: ", "))").svg)
        </main>
        """)
  }

  /// The options, filled with the ones shown; sent with GET, so the address names the pivot.
  private var form: String {
    let by = query.options["by"] ?? "month"
    let periods = ["day", "week", "month", "year", "none"].map { period in
      "<option\(period == by ? " selected" : "")>\(period)</option>"
    }.joined()
    let fields = ["rows", "client", "person", "search", "from", "to", "week", "month", "year"].map { name in
      let value = (name == "rows" ? query.options[name] ?? "client" : query.options[name] ?? "").htmlEscaped
      return "<label>\(name) <input name=\"\(name)\" value=\"\(value)\"></label>"
    }.joined()
    return """
      <form class="options" method="get" action="/report"><label>by <select name="by">\(periods)</select></label>\
      \(fields)<button>Show</button></form>
      """
  }

  private var table: String {
    let pivot = report.pivot
    guard !pivot.rows.isEmpty else { return "<p class=\"empty\">Nothing logged in this range.</p>" }
    let names = report.rows.dimensions.map {
      "<th scope=\"col\">\($0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst())</th>"
    }.joined()
    let head = pivot.columns.map { "<th scope=\"col\">\($0.htmlEscaped)</th>" }.joined()
    let rows = pivot.rows.map { row in
      let labels = report.rows.labels(of: row).enumerated().map { index, label in
        index == 0 ? "<th scope=\"row\">\(label.htmlEscaped)</th>" : "<td class=\"label\">\(label.htmlEscaped)</td>"
      }.joined()
      let cells = pivot.columns.map { cell(pivot.minutes(row: row, column: $0)) }.joined()
      return "<tr>\(labels)\(cells)\(cell(pivot.total(ofRow: row), total: true))</tr>"
    }
    let padding = String(repeating: "<td></td>", count: report.rows.dimensions.count - 1)
    let totals = pivot.columns.map { cell(pivot.total(ofColumn: $0)) }.joined()
    return """
      <div class="grid"><table class="pivot">
      <caption>Billed hours</caption>
      <thead><tr>\(names)\(head)<th scope="col">Total</th></tr></thead>
      <tbody>
      \(rows.joined(separator: "\n"))
      </tbody>
      <tfoot><tr><th scope="row">Total</th>\(padding)\(totals)\(cell(pivot.total, total: true))</tr></tfoot>
      </table></div>
      """
  }

  /// A cell of hours: `1:30` (blank for none), its minutes in `data-minutes` for whoever reads the page back.
  private func cell(_ minutes: Minutes, total: Bool = false) -> String {
    let text = minutes.value == 0 ? "" : minutes.formatted(hoursFormat)
    return "<td\(total ? " class=\"total\"" : "") data-minutes=\"\(minutes.value)\">\(text)</td>"
  }
}
