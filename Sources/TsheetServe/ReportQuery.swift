import Hummingbird
import TsheetCore
import TsheetKit

/// The pivot a report page shows, read from its address in the words of `tsheet report`'s options:
/// `/report?by=week&rows=client,person&month=last` is `tsheet report --by week --rows client,person --month last`.
struct ReportQuery {
  /// The options by their names, as the address gives them (empty ones left out).
  let options: [String: String]

  /// The options a report page reads; any other is ignored.
  static let names = ["by", "rows", "client", "person", "search", "from", "to", "week", "month", "year"]

  init(_ request: Request) {
    var options: [String: String] = [:]
    for name in Self.names {
      if let value = request.uri.queryParameters[Substring(name)], !value.isEmpty { options[name] = String(value) }
    }
    self.options = options
  }

  /// What `tsheet report` is asked; nil `period` is `--by none`.
  /// - Throws: `ReportQueryError` for a `by` or `rows` the command does not take.
  var request: ReportRequest {
    get throws {
      let by = options["by"] ?? "month"
      guard by == "none" || Period(rawValue: by) != nil else { throw ReportQueryError.by(by) }
      let rows = options["rows"] ?? "client"
      guard let pivotRows = PivotRows(rawValue: rows) else { throw ReportQueryError.rows(rows) }
      let range = RangeRequest(
        from: options["from"], to: options["to"], week: options["week"], month: options["month"],
        year: options["year"])
      return ReportRequest(
        filter: FilterRequest(
          client: options["client"], person: options["person"], search: options["search"], range: range),
        period: Period(rawValue: by), rows: pivotRows)
    }
  }

  /// The same options as an address's query, escaped: `by=week&rows=client%2Cperson`.
  var queryString: String {
    Self.names.compactMap { name in options[name].map { "\(name)=\($0.percentEncoded)" } }.joined(separator: "&")
  }

  /// The `tsheet report` command these options are, each value quoted for a shell: a lead may paste it.
  var command: String {
    "tsheet report" + Self.names.compactMap { name in options[name].map { " --\(name) \($0.shellQuoted)" } }.joined()
  }
}

/// Why a report page's address names no pivot.
enum ReportQueryError: UserError, Equatable {
  case by(String)
  case rows(String)
  /// More columns than a page (or a workbook) holds.
  case tooWide(columns: Int, most: Int)
  /// More cells than a page holds.
  case tooLarge(cells: Int, most: Int)

  var exitStatus: ExitStatus { .usage }
  var description: String {
    switch self {
    case .by(let word): "'\(word)' is not a column period; give by=day, week, month, year or none."
    case .rows(let word): "'\(word)' is not rows; give client, person, title, or several joined by commas."
    case .tooWide(let columns, let most):
      "this report would have \(columns) columns, and \(most) is the most; give a longer by= or a shorter range."
    case .tooLarge(let cells, let most):
      "this report would have \(cells) cells, and \(most) is the most a page shows; give fewer rows, a longer "
        + "by= or a shorter range, or filter by client or person."
    }
  }
}
