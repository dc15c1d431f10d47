import TsheetCore

/// A horizontal bar chart drawn on the server as SVG: one bar per row, its label and its hours; no script.
struct BarChart {
  /// Each bar's label (text from the log) and length.
  let bars: [(label: String, minutes: Minutes)]
  /// What the chart shows, for screen readers.
  let title: String

  /// Room for the labels, the bars and the hours, in the chart's own units (it scales to its box).
  private static let labelWidth = 170, barWidth = 330, rowHeight = 26, labelLength = 22

  var svg: String {
    guard !bars.isEmpty else { return "" }
    let longest = max(bars.map(\.minutes.value).max() ?? 0, 1)
    let rows = bars.enumerated().map { index, bar in
      let y = index * Self.rowHeight
      let width = bar.minutes.value * Self.barWidth / longest
      let label = bar.label.count > Self.labelLength ? String(bar.label.prefix(Self.labelLength - 1)) + "…" : bar.label
      return """
        <text x="0" y="\(y + 17)">\(label.htmlEscaped)</text>\
        <rect class="bar" x="\(Self.labelWidth)" y="\(y + 4)" width="\(width)" height="18"></rect>\
        <text x="\(Self.labelWidth + width + 6)" y="\(y + 17)">\(bar.minutes.formatted(.clock))</text>
        """
    }
    let width = Self.labelWidth + Self.barWidth + 60
    return """
      <svg class="chart" role="img" viewBox="0 0 \(width) \(bars.count * Self.rowHeight + 4)"><title>\(title.htmlEscaped)</title>
      \(rows.joined(separator: "\n"))
      </svg>
      """
  }
}
