import TsheetCore

extension SQLLog {
  func timer(of person: String) throws -> RunningTimer? {
    var select = statement()
    select += """
      SELECT c.name AS client, t.title, t.description, \(Statement.wallClockText("t.started_at")) AS started_at
      FROM timer t JOIN client c ON c.id = t.client_id WHERE t.person = \(select.bind(person))
      """
    guard let row = try rows(select).first else { return nil }
    let startedAt = try row.text("started_at") ?? ""
    guard let started = LocalTime(iso: startedAt) else {
      throw unreadable("the timer's start '\(startedAt)' is not a time")
    }
    return RunningTimer(
      client: try row.text("client") ?? "", title: try row.text("title") ?? "",
      description: try row.text("description") ?? "", started: started)
  }

  func start(_ timer: RunningTimer, for person: String) throws -> RunningTimer {
    var insert = statement()
    insert += """
      INSERT INTO timer (person, client_id, title, description, started_at) VALUES (\(insert.bind(person)), \
      \(insert.bind(try clientID(creatingIfMissing: timer.client))), \(insert.bind(timer.title)), \
      \(insert.bind(timer.description)), \(insert.bind(wallClock: timer.started)))
      """
    try execute(insert)
    return try self.timer(of: person) ?? timer
  }

  func removeTimer(of person: String) throws {
    var delete = statement()
    delete += "DELETE FROM timer WHERE person = " + delete.bind(person)
    try execute(delete)
  }
}
