import TsheetCore
import TsheetKit

/// The week's page: the grid of hours with its totals and gaps, a chart of each row's hours, and the weeks
/// before and after. Every text from the log is escaped.
struct WeekPage {
  let grid: WeekGrid
  /// The token the sign-out form carries.
  let formToken: String

  var page: Page {
    let week = ISOWeek(containing: grid.days.first.adding(days: 3))
    return Page(
      title: "Week \(week)",
      body: """
        <header>
        <h1>Week \(week)</h1>
        <p class="range">\(Self.label(grid.days.first)) – \(Self.label(grid.days.last))</p>
        <form class="sign-out" method="post" action="/sign-out">\
        <input type="hidden" name="csrf" value="\(formToken.htmlEscaped)"><button>Sign out</button></form>
        </header>
        <nav>\(link(-7, "← Previous week", rel: "prev"))\(link(7, "Next week →", rel: "next"))\
        <a href="/report?by=day&amp;rows=client,person&amp;week=\(grid.days.first)">Report</a></nav>
        <main>
        \(table)
        \(gapList)
        \(BarChart(bars: grid.names.map { ($0, grid.total(of: $0)) }, title: "Hours by \(noun) this week").svg)
        </main>
        """)
  }

  /// What a row is, in words.
  private var noun: String { grid.dimension == .person ? "person" : "client" }

  /// The link to the week `offset` days away, addressed by its first day; none when that week reaches past
  /// the years a log holds (before 0001 or after 9999).
  private func link(_ offset: Int, _ text: String, rel: String) -> String {
    let first = grid.days.first.adding(days: offset)
    guard first.isSupported && first.adding(days: 6).isSupported else { return "" }
    return "<a href=\"/week/\(first)\" rel=\"\(rel)\">\(text)</a>"
  }

  private var table: String {
    guard !grid.names.isEmpty else { return "<p class=\"empty\">Nothing logged this week.</p>" }
    let days = grid.days.days
    let head = days.map { "<th scope=\"col\">\($0.weekday.shortName) \($0.day)</th>" }.joined()
    let rows = grid.names.map { name in
      let cells = days.map { day in cell(grid.minutes(name, on: day), gap: grid.gap(of: name, on: day)) }
      return "<tr><th scope=\"row\">\(name.htmlEscaped)</th>\(cells.joined())"
        + "<td class=\"total\">\(Self.hours(grid.total(of: name)))</td></tr>"
    }
    let totals = days.map { cell(grid.total(on: $0), gap: grid.gap(on: $0)) }.joined()
    return """
      <div class="grid"><table>
      <caption>Hours by \(noun) and day</caption>
      <thead><tr><th scope="col">\(grid.dimension == .person ? "Person" : "Client")</th>\(head)<th scope="col">Total</th></tr></thead>
      <tbody>
      \(rows.joined(separator: "\n"))
      </tbody>
      <tfoot><tr><th scope="row">Total</th>\(totals)<td>\(Self.hours(grid.pivot.total))</td></tr></tfoot>
      </table></div>
      """
  }

  /// A day's cell: its hours, marked when the day is a gap.
  private func cell(_ minutes: Minutes, gap: Gap?) -> String {
    guard let gap else { return "<td>\(Self.hours(minutes))</td>" }
    return "<td class=\"gap\" title=\"\(Self.describe(gap).htmlEscaped)\">\(Self.hours(minutes, empty: "gap"))</td>"
  }

  /// The gaps in words, under the grid.
  private var gapList: String {
    let items = grid.gaps.sorted { $0.key.lowercased() < $1.key.lowercased() }.flatMap { person, gaps in
      gaps.map { gap in
        let who = grid.dimension == .person ? "\(person.htmlEscaped): " : ""
        return "<li>\(who)\(Self.label(gap.day)): \(Self.describe(gap).htmlEscaped)</li>"
      }
    }
    guard !items.isEmpty else { return "<p>No gaps: every workday so far holds its hours.</p>" }
    return "<h2>Gaps</h2><ul class=\"gaps\">\(items.joined())</ul>"
  }

  private static func describe(_ gap: Gap) -> String {
    guard let missing = gap.missing, gap.logged.value > 0 else { return "nothing logged" }
    return "\(hours(gap.logged)) logged, \(hours(missing)) short"
  }

  /// `Mon 2026-11-16`.
  private static func label(_ day: CalendarDay) -> String { "\(day.weekday.shortName) \(day)" }

  /// `1:30`, or `empty` for no time at all.
  private static func hours(_ minutes: Minutes, empty: String = "") -> String {
    minutes.value == 0 ? empty : minutes.formatted(.clock)
  }
}
