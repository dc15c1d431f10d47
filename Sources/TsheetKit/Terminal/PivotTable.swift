import TsheetCore

/// The terminal form of a report: a section per column (period) listing the rows with hours in it, each line
/// with a bar drawn in Unicode blocks so the eye sees the shape of the hours, then the totals.
package struct PivotTable: Sendable {
  package var hoursFormat: HoursFormat
  package var usesColor: Bool
  /// The width of a full bar, in characters.
  package var barWidth = 24

  package init(hoursFormat: HoursFormat, usesColor: Bool) {
    self.hoursFormat = hoursFormat
    self.usesColor = usesColor
  }

  package func render(_ report: Report) -> String {
    let pivot = report.pivot
    guard !pivot.rows.isEmpty else { return "No entries.\n" }
    let labels = Dictionary(
      uniqueKeysWithValues: pivot.rows.map { row in
        (row, report.rows.labels(of: row).joined(separator: "  ").escapingControlCharacters)
      })
    let labelWidth = max(labels.values.map(\.width).max()! + 2, pivot.columns.map(\.width).max() ?? 0, 8)
    let hoursWidth = max(pivot.total.formatted(hoursFormat).width, 5)
    func line(_ label: String, _ minutes: Minutes, scale: Minutes) -> String {
      let hours = minutes.formatted(hoursFormat)
      let bar = bar(minutes, of: scale)
      return label.padded(to: labelWidth) + "  " + String(repeating: " ", count: hoursWidth - hours.width) + hours
        + (bar.isEmpty ? "" : "  " + bar)
    }
    var output = ""
    let busiestColumn = pivot.columns.map(pivot.total(ofColumn:)).max() ?? .zero
    let busiestCell =
      pivot.columns.flatMap { column in pivot.rows.map { pivot.minutes(row: $0, column: column) } }
      .max() ?? .zero
    for column in pivot.columns {
      output += line(column, pivot.total(ofColumn: column), scale: busiestColumn).styled(.bold, when: usesColor) + "\n"
      for row in pivot.rows where pivot.minutes(row: row, column: column) > .zero {
        output += line("  " + labels[row]!, pivot.minutes(row: row, column: column), scale: busiestCell) + "\n"
      }
    }
    if !pivot.columns.isEmpty { output += "\n" }
    output += line("Total", pivot.total, scale: pivot.total).styled(.bold, when: usesColor) + "\n"
    let busiestRow = pivot.rows.map(pivot.total(ofRow:)).max() ?? .zero
    for row in pivot.rows {
      output += line("  " + labels[row]!, pivot.total(ofRow: row), scale: busiestRow) + "\n"
    }
    output += notes(report)
    return output
  }

  /// The lines under the table that say how the figures were made and where a contract stands.
  func notes(_ report: Report) -> String {
    var lines: [String] = []
    for (client, rule) in report.rounding {
      lines.append("\(client): each entry rounded \(rule.mode.rawValue) to \(rule.step.compact).")
    }
    for contract in report.contracts { lines.append(ContractText.sentence(contract, format: hoursFormat)) }
    return lines.isEmpty ? "" : "\n" + lines.joined(separator: "\n") + "\n"
  }

  /// A bar `minutes / scale` of `barWidth` long, in eighths of a block.
  func bar(_ minutes: Minutes, of scale: Minutes) -> String {
    guard scale > .zero, minutes > .zero else { return "" }
    let eighths = max(1, minutes.value * barWidth * 8 / scale.value)
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
    return String(repeating: "█", count: eighths / 8) + partial
  }

}

/// How a contract's state is told in a sentence.
package enum ContractText {
  package static func sentence(_ contract: ContractStatus, format: HoursFormat) -> String {
    let month = contract.month.first.description.prefix(7)
    let head =
      "\(contract.client): \(contract.allowance.formatted(format)) a month contracted; \(month) used "
      + contract.used.formatted(format)
    if contract.isOver {
      return "Warning: " + head + ", over by \(Minutes(-contract.left.value).formatted(format))."
    }
    return head + ", \(contract.left.formatted(format)) left."
  }
}
