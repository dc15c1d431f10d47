import TsheetCore

extension SQLLog {
  func billingTerms() throws -> BillingTerms {
    var terms: [String: ClientTerms] = [:]
    for row in try rows(termsSelect() + " WHERE terms_set_at IS NOT NULL") {
      terms[try row.text("name") ?? ""] = try self.terms(in: row)
    }
    return BillingTerms(terms)
  }

  func settings(of client: String) throws -> ClientSettings {
    let id = try existingClientID(named: client)
    var select = termsSelect()
    select += " WHERE id = " + select.bind(id)
    let row = try rows(select).first
    let isSet = try row?.integer("is_set") == 1
    return ClientSettings(
      mail: try mailSettings(ofClient: id), terms: try row.flatMap { isSet ? try terms(in: $0) : nil })
  }

  func setTerms(_ terms: ClientTerms, of client: String) throws -> ClientSettings {
    let id = try clientID(creatingIfMissing: client)
    var update = statement()
    update += "UPDATE client SET rounding_step = \(update.bind(terms.rounding.map { Int64($0.step.value) }))"
    update += ", rounding_mode = \(update.bind(terms.rounding?.mode.rawValue ?? Rounding.Mode.up.rawValue))"
    update += ", monthly_minutes = \(update.bind(terms.monthlyHours.map { Int64($0.value) }))"
    update += ", terms_set_at = \(Statement.now) WHERE id = \(update.bind(id))"
    try execute(update)
    var select = statement()
    select += "SELECT name FROM client WHERE id = " + select.bind(id)
    return try settings(of: try rows(select).first?.text("name") ?? client)
  }

  /// The query that reads clients' terms as `terms(in:)` takes them, with `name` and `is_set` (1 when the
  /// terms were ever set).
  private func termsSelect() -> Statement {
    statement() + """
      SELECT name, \(Statement.integer("rounding_step")) AS rounding_step, rounding_mode, \
      \(Statement.integer("monthly_minutes")) AS monthly_minutes, \
      \(Statement.integer("CASE WHEN terms_set_at IS NULL THEN 0 ELSE 1 END")) AS is_set FROM client
      """
  }

  /// The terms a row of `termsSelect` holds. A value tsheet never writes (a SQLite file edited by hand) is
  /// refused, naming the client: billing by a guess would be worse.
  private func terms(in row: any SQLRow) throws -> ClientTerms {
    var terms = ClientTerms()
    let name = try row.text("name") ?? ""
    if let step = try row.integer("rounding_step") {
      guard let minutes = Int(exactly: step), (1...Minutes.maximumEntry.value).contains(minutes),
        let mode = Rounding.Mode(rawValue: try row.text("rounding_mode") ?? "")
      else { throw unreadable("client '\(name)' has a rounding rule tsheet cannot read") }
      terms.rounding = Rounding(step: Minutes(minutes), mode: mode)
    }
    if let monthly = try row.integer("monthly_minutes") {
      guard let minutes = Int(exactly: monthly), ClientTerms.monthlyMinutes.contains(minutes) else {
        throw unreadable("client '\(name)' has contracted hours tsheet cannot read")
      }
      terms.monthlyHours = Minutes(minutes)
    }
    return terms
  }
}
