import TsheetCore

/// What `tsheet clients set` changes in a client's terms (`--rounding`, `--rounding-mode`, `--monthly-hours`);
/// what it does not name stays as the log holds it.
package struct TermsChange: Sendable, Equatable {
  /// The new rounding step, or `.some(nil)` to bill as logged (`--rounding none`).
  package var step: Minutes??
  package var mode: Rounding.Mode?
  /// The new contracted hours a month, or `.some(nil)` for no contract (`--monthly-hours none`).
  package var monthlyHours: Minutes??

  /// No change at all.
  package static let none = TermsChange()

  private init() {}

  /// Reads the flags' words; nil leaves a term as it is.
  /// - Throws: `TermsError` for a step that is no duration of a minute to a day, or hours that are no number
  ///   between 0 and 1000.
  package init(rounding: String?, mode: Rounding.Mode?, monthlyHours: String?) throws(TermsError) {
    if let rounding {
      if Self.isNone(rounding) {
        step = .some(nil)
      } else {
        guard let minutes = try? Minutes(parsing: rounding) else { throw .badRounding(rounding) }
        step = minutes
      }
    }
    self.mode = mode
    if let monthlyHours {
      if Self.isNone(monthlyHours) {
        self.monthlyHours = .some(nil)
      } else {
        let number = Double(monthlyHours.trimmed.replacing(",", with: "."))
        guard let number, number.isFinite, let minutes = Int(exactly: (number * 60).rounded()),
          ClientTerms.monthlyMinutes.contains(minutes)
        else { throw .badMonthlyHours(monthlyHours) }
        self.monthlyHours = Minutes(minutes)
      }
    }
  }

  /// Whether the change names no term at all.
  package var isEmpty: Bool { step == nil && mode == nil && monthlyHours == nil }

  /// `terms` with this change made.
  /// - Throws: `TermsError.modeWithoutStep` for a mode given to a client that bills as logged.
  package func applied(to terms: ClientTerms, of client: String) throws(TermsError) -> ClientTerms {
    var terms = terms
    let step = self.step ?? terms.rounding?.step
    if let step {
      terms.rounding = Rounding(step: step, mode: mode ?? terms.rounding?.mode ?? .up)
    } else if mode != nil {
      throw .modeWithoutStep(client: client)
    } else {
      terms.rounding = nil
    }
    if let monthlyHours { terms.monthlyHours = monthlyHours }
    return terms
  }

  private static func isNone(_ word: String) -> Bool { word.trimmed.lowercased() == "none" }
}

/// Why a client's terms cannot be set as asked.
package enum TermsError: UserError, Equatable {
  case badRounding(String)
  case badMonthlyHours(String)
  case modeWithoutStep(client: String)

  package var exitStatus: ExitStatus { .usage }

  package var description: String {
    switch self {
    case .badRounding(let text):
      "--rounding '\(text.echoed())' is not a step from 1m to 24h; write it like 15m, 30m or 1h, or none to bill as logged."
    case .badMonthlyHours(let text):
      "--monthly-hours '\(text.echoed())' is not a number of hours between 0 and 1000; write it like 60 or 20.5, or none for no contract."
    case .modeWithoutStep(let client):
      "'\(client.echoed())' bills as logged, so --rounding-mode has nothing to round; give --rounding 15m with it."
    }
  }
}
