/// How large the values behind a template's names can be, for bounding what a render writes before it starts:
/// sections nested over the days twelve deep would render 7¹² times and never end.
package struct RenderBounds: Sendable {
  /// The most items of the list each name holds (`days`: 7); a name not here holds at most one thing.
  var lists: [String: Int]
  /// The longest text each name prints (`.` for an item of a list of text); a name not here, `longestText`.
  var texts: [String: Int]
  var longestText: Int

  /// The most bytes one email may be rendered into: hundreds of times a busy month's email, and rendered in
  /// about a second.
  static let maximumBytes = 32 << 20

  func items(_ name: String) -> Int { lists[Self.key(name)] ?? 1 }
  func text(_ name: String) -> Int { texts[Self.key(name)] ?? longestText }

  /// A dotted name's last part, which is what a list or a text is found under (`period.range`).
  private static func key(_ name: String) -> String {
    name == "." ? name : String(name.split(separator: ".").last ?? "")
  }

  /// A busy month at its busiest, for checking templates before any email: 31 days, 30 entries a day with
  /// ten lines of description each, ten people, long titles.
  static let busyMonth = RenderBounds(
    lists: ["days": 31, "workedDays": 31, "entries": 30, "people": 10, "descriptionLines": 10, "paragraphs": 10],
    texts: [:], longestText: 300)
}

extension TimesheetView {
  /// The bounds of this view's values.
  var renderBounds: RenderBounds {
    let entries = days.flatMap(\.entries)
    let lines = entries.flatMap(\.descriptionLines) + (note?.paragraphs ?? [])
    let short =
      [
        client, sender, subject, period.range, period.first, period.last, total, monthToDate,
        yearToDate,
      ] + days.flatMap { [$0.label, $0.total] } + (people ?? []).map(\.name)
    return RenderBounds(
      lists: [
        "days": days.count, "workedDays": workedDays.count,
        "entries": days.map(\.entries.count).max() ?? 0, "people": people?.count ?? 0,
        "descriptionLines": entries.map(\.descriptionLines.count).max() ?? 0,
        "paragraphs": note?.paragraphs.count ?? 0,
      ],
      texts: [
        "title": entries.map(\.title.utf8.count).max() ?? 0, ".": lines.map(\.utf8.count).max() ?? 0,
        "text": note?.text.utf8.count ?? 0,
      ],
      longestText: short.map(\.utf8.count).max() ?? 0)
  }
}
