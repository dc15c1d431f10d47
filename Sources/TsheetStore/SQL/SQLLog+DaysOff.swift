import TsheetCore

extension SQLLog {
  /// The days off in `range`, everyone's (holidays) before each person's on a day; a malformed day (written by
  /// hand in a SQLite file) is left out.
  func daysOff(in range: DayRange?) throws -> [DayOff] {
    var select = statement()
    select += "SELECT \(Statement.dayValue("day")) AS day, person, reason FROM day_off WHERE day BETWEEN "
    select += select.bind(day: range?.first ?? .firstSupported) + " AND "
    select += select.bind(day: range?.last ?? .lastSupported)
    select += " ORDER BY day, person IS NOT NULL, " + Statement.caseless("person")
    return try rows(select).compactMap { row in
      try row.day("day").map {
        DayOff(day: $0, person: try row.text("person"), reason: try row.text("reason") ?? "")
      }
    }
  }

  func markOff(_ dayOff: DayOff) throws {
    var upsert = statement()
    let values = [upsert.bind(day: dayOff.day), upsert.bind(dayOff.person), upsert.bind(dayOff.reason)]
    upsert += "INSERT INTO day_off (day, person, reason) VALUES (\(values.joined(separator: ", ")))"
    // Each partial unique index is its own conflict target: a person's day, or the holiday of a day.
    upsert +=
      dayOff.person == nil
      ? " ON CONFLICT (day) WHERE person IS NULL" : " ON CONFLICT (day, person) WHERE person IS NOT NULL"
    upsert += " DO UPDATE SET reason = excluded.reason"
    try execute(upsert)
  }

  func unmarkOff(_ day: CalendarDay, of person: String?) throws -> Bool {
    var delete = statement()
    delete += "DELETE FROM day_off WHERE day = \(delete.bind(day: day)) AND "
    delete += person.map { "person = " + delete.bind($0) } ?? "person IS NULL"
    return try !rows(delete + " RETURNING reason").isEmpty
  }

  /// Gives `old`'s days off to `new`; a day both had off keeps `new`'s reason.
  func renameDaysOff(of old: String, to new: String) throws {
    var update = statement()
    update += "UPDATE day_off SET person = \(update.bind(new)) WHERE person = \(update.bind(old))"
    update += " AND day NOT IN (SELECT day FROM day_off WHERE person = \(update.bind(new)))"
    try execute(update)
    var delete = statement()
    delete += "DELETE FROM day_off WHERE person = " + delete.bind(old)
    try execute(delete)
  }
}
