import TsheetCore

extension Pivot {
  /// The header cells that name a row: `client`, `person`, `title`, in the order asked.
  static func rowHeaders(_ rows: PivotRows) -> [String] { rows.dimensions.map(\.rawValue) }

  /// The cells that name `row`, as `rowHeaders` lists them.
  static func rowLabels(_ row: PivotRowKey, _ rows: PivotRows) -> [String] { rows.labels(of: row) }

  /// The pivot as CSV in `style`: a header row, a row per client or title, and a `Total` row; hours with two
  /// decimals. Row labels are text cells, made inert in a spreadsheet when they would run as formulas.
  package func csv(rows kind: PivotRows, style: CSVStyle = .plain) -> String {
    var bytes = style.preamble
    CSVField.append(record: Pivot.rowHeaders(kind) + columns + ["total"], style: style, to: &bytes)
    func append(labels: [String], cells: [Minutes]) {
      for (index, label) in labels.enumerated() {
        if index > 0 { bytes.append(style.separator) }
        style.append(text: label, to: &bytes)
      }
      for minutes in cells {
        bytes.append(style.separator)
        style.append(hours: minutes, to: &bytes)
      }
      bytes += [13, 10]
    }
    for row in rows {
      append(
        labels: Pivot.rowLabels(row, kind), cells: columns.map { minutes(row: row, column: $0) } + [total(ofRow: row)])
    }
    let padding = Array(repeating: "", count: Pivot.rowHeaders(kind).count - 1)
    append(labels: ["Total"] + padding, cells: columns.map(total(ofColumn:)) + [total])
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The pivot as the documented JSON contract:
  /// `{"columns": [...], "rows": [{"client": ..., "title": ..., "minutes": {COLUMN: N}, "total": N}],
  /// "totals": {COLUMN: N}, "total": N}`, minutes as integers.
  package func json(rows kind: PivotRows) -> String {
    func minutesObject(_ value: (String) -> Minutes) -> String {
      "{" + columns.map { JSONText.string($0) + ":" + String(value($0).value) }.joined(separator: ",") + "}"
    }
    let rowObjects = rows.map { row in
      var members: [String] = []
      for dimension in kind.dimensions {
        members.append(JSONText.string(dimension.rawValue) + ":" + JSONText.string(row[dimension] ?? ""))
      }
      members.append("\"minutes\":" + minutesObject { minutes(row: row, column: $0) })
      members.append("\"total\":" + String(total(ofRow: row).value))
      return "    {" + members.joined(separator: ",") + "}"
    }
    return """
      {
        "columns": [\(columns.map(JSONText.string).joined(separator: ","))],
        "rows": [\(rowObjects.isEmpty ? "" : "\n" + rowObjects.joined(separator: ",\n") + "\n  ")],
        "totals": \(minutesObject(total(ofColumn:))),
        "total": \(total.value)
      }

      """
  }

  /// The pivot as a Markdown table for a wiki, hours in `format`.
  package func markdown(rows kind: PivotRows, format: HoursFormat) -> String {
    func line(_ cells: [String]) -> String {
      "| " + cells.map { $0.replacing("|", with: "\\|").replacing("\n", with: " ") }.joined(separator: " | ")
        + " |\n"
    }
    let headers = Pivot.rowHeaders(kind) + columns + ["total"]
    let alignment = Pivot.rowHeaders(kind).map { _ in "---" } + (columns + ["total"]).map { _ in "---:" }
    var text = line(headers) + line(alignment)
    for row in rows {
      text += line(
        Pivot.rowLabels(row, kind) + columns.map { minutes(row: row, column: $0).formatted(format) }
          + [total(ofRow: row).formatted(format)])
    }
    let padding = Array(repeating: "", count: Pivot.rowHeaders(kind).count - 1)
    text += line(
      ["**Total**"] + padding + columns.map { total(ofColumn: $0).formatted(format) }
        + ["**\(total.formatted(format))**"])
    return text
  }
}
