import TsheetCore

extension SQLLog {
  /// The days off in `range`; a malformed day (written by hand in a SQLite file) is left out.
  func daysOff(in range: DayRange?) throws -> [DayOff] {
    var select = statement()
    select += "SELECT \(Statement.dayValue("day")) AS day, reason FROM day_off WHERE day BETWEEN "
    select += select.bind(day: range?.first ?? .firstSupported) + " AND "
    select += select.bind(day: range?.last ?? .lastSupported) + " ORDER BY day"
    return try rows(select).compactMap { row in
      try row.day("day").map { DayOff(day: $0, reason: try row.text("reason") ?? "") }
    }
  }

  func markOff(_ dayOff: DayOff) throws {
    var upsert = statement()
    upsert +=
      "INSERT INTO day_off (day, reason) VALUES (\(upsert.bind(day: dayOff.day)), \(upsert.bind(dayOff.reason)))"
    upsert += " ON CONFLICT (day) DO UPDATE SET reason = excluded.reason"
    try execute(upsert)
  }

  func unmarkOff(_ day: CalendarDay) throws -> Bool {
    var delete = statement()
    delete += "DELETE FROM day_off WHERE day = \(delete.bind(day: day)) RETURNING reason"
    return try !rows(delete).isEmpty
  }
}
