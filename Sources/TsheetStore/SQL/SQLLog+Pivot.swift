import TsheetCore

extension SQLLog {
  /// The billed minutes of the entries matching `filter`, summed per row (by the dimensions `rows` names) and
  /// per bucket of days, as `LogReader.pivotCells` promises. `read` runs the statement on the engine: SQLite
  /// sizes its cache for the table the sum reads.
  func pivotCells(
    matching filter: EntryFilter, rows: PivotRows, bucket: Period?, billing: BillingRules,
    read: (Statement, _ table: String) throws -> [any SQLRow]
  ) throws -> [PivotCell] {
    var select = statement()
    let (table, minutes) = try summedSource(for: filter, byTitle: rows.has(.title), billing: billing, in: &select)
    let day =
      switch bucket {
      case .day, .week: "e.day"
      case .month: Statement.firstDay(of: "e.day", year: false)
      case .year: Statement.firstDay(of: "e.day", year: true)
      case nil: "min(e.day)"
      }
    let columns = PivotDimension.allCases.map { (name: $0.column, grouped: rows.has($0)) }
    let groups = columns.filter(\.grouped).map { "e." + $0.name } + (bucket != nil ? [String(columns.count + 1)] : [])
    select +=
      "SELECT " + columns.map { ($0.grouped ? "e." : "NULL AS ") + $0.name }.joined(separator: ", ")
      + ", \(Statement.dayValue(day)) AS day, \(Statement.integer("sum(\(minutes))")) AS minutes FROM \(table) e"
    let conditions = try whereClause(for: filter, in: &select)
    select += conditions + (groups.isEmpty ? "" : " GROUP BY " + groups.joined(separator: ", "))
    var names: [Int64: String] = [:]
    for client in try self.rows(statement() + "SELECT id, name FROM client") {
      if let id = try client.integer("id") { names[id] = try client.text("name") }
    }
    return try read(select, table).compactMap { cell in
      guard let day = try cell.day("day"), let minutes = try cell.integer("minutes") else { return nil }  // no entries
      return PivotCell(
        row: PivotRowKey(
          client: try cell.integer("client_id").flatMap { names[$0] },
          person: try cell.text("person"), title: try cell.text("title")),
        day: day, minutes: Minutes(Int(minutes)))
    }
  }

  func billedMinutes(matching filter: EntryFilter, billing: BillingRules) throws -> Minutes {
    var select = statement()
    let (table, minutes) = try summedSource(for: filter, byTitle: false, billing: billing, in: &select)
    select += "SELECT \(Statement.integer("coalesce(sum(\(minutes)), 0)")) AS minutes FROM \(table) e"
    let conditions = try whereClause(for: filter, in: &select)
    return Minutes(try integer(select + conditions, column: "minutes"))
  }

  func entryCount(matching filter: EntryFilter) throws -> Int {
    var select = statement()
    select +=
      filter.search == nil
      ? "SELECT \(Statement.integer("coalesce(sum(e.entries), 0)")) AS count FROM client_day e"
      : "SELECT count(*) AS count FROM entry e"
    let conditions = try whereClause(for: filter, in: &select)
    return try integer(select + conditions, column: "count")
  }

  /// The table a sum over `filter` reads (as `e`), and the SQL of a row's billed minutes. The daily totals
  /// serve when no row needs its title, its text or a rounding rule; otherwise each entry is read and rounded.
  func summedSource(
    for filter: EntryFilter, byTitle: Bool, billing: BillingRules,
    in statement: inout Statement
  ) throws -> (table: String, minutes: String) {
    let rules = filter.client.map { billing.restricted(to: [$0]) } ?? billing
    let minutes = try billedMinutesSQL(rules, in: &statement)
    let perEntry = byTitle || filter.search != nil || minutes != "e.minutes"
    return (perEntry ? "entry" : "client_day", minutes)
  }
}

extension PivotDimension {
  /// The column of `entry`, and of the daily totals, that a pivot's rows group by for this dimension.
  var column: String {
    switch self {
    case .client: "client_id"
    case .person: "person"
    case .title: "title"
    }
  }
}
