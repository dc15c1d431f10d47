/// Why a text names no day, week, month or year.
package enum DateError: UserError, Equatable {
  case unknownDay(String)
  case ambiguousDay(String)
  case unknownWeek(String)
  case unknownMonth(String)
  case unknownYear(String)
  case backwardsRange(from: CalendarDay, to: CalendarDay)
  case unknownSpan(String)
  /// The text names a day, or a span reaching a day, before 0001-01-01 or after 9999-12-31.
  case outsideCalendar(String)

  package var exitStatus: ExitStatus { .usage }

  package var description: String {
    switch self {
    case .unknownDay(let text):
      "'\(text.echoed())' is not a date; use today, yesterday, a weekday (mon, lun…) or YYYY-MM-DD."
    case .ambiguousDay(let text):
      "'\(text.echoed())' is ambiguous (day/month or month/day?); write the date as YYYY-MM-DD, e.g. 2026-11-20."
    case .unknownWeek(let text):
      "'\(text.echoed())' is not a week; use last, this, a date, or an ISO week such as 2026-W47."
    case .unknownMonth(let text):
      "'\(text.echoed())' is not a month; use last, this, a date, or YYYY-MM such as 2026-11."
    case .unknownYear(let text):
      "'\(text.echoed())' is not a year; use last, this, or a year such as 2026."
    case .backwardsRange(let from, let to):
      "--from \(from) is after --to \(to); swap them."
    case .unknownSpan(let text):
      "'\(text.echoed())' names no days; use last, this, 2026-W47, 2026-11, 2026, a date, or two dates "
        + "joined by .. such as 2026-12-24..2026-12-31 (the first not after the second)."
    case .outsideCalendar(let text):
      "'\(text.echoed())' reaches outside the calendar tsheet keeps (0001-01-01 to 9999-12-31); choose days inside it."
    }
  }
}

/// The words a person types for a day, in English or Spanish, resolved against a `today` passed in.
package enum DateWord {
  private static let weekdays: [String: Weekday] = {
    let names: [(Weekday, [String])] = [
      (.monday, ["mon", "monday", "lun", "lunes"]),
      (.tuesday, ["tue", "tues", "tuesday", "mar", "martes"]),
      (.wednesday, ["wed", "wednesday", "mie", "miercoles"]),
      (.thursday, ["thu", "thur", "thurs", "thursday", "jue", "jueves"]),
      (.friday, ["fri", "friday", "vie", "viernes"]),
      (.saturday, ["sat", "saturday", "sab", "sabado"]),
      (.sunday, ["sun", "sunday", "dom", "domingo"]),
    ]
    return Dictionary(uniqueKeysWithValues: names.flatMap { day, words in words.map { ($0, day) } })
  }()

  /// Reads `today`/`hoy`, `yesterday`/`ayer`, a weekday (`mon`, `lunes`: the latest such day not after
  /// today) or `YYYY-MM-DD`.
  /// - Throws: `DateError.ambiguousDay` for forms like `11/12`, `DateError.unknownDay` for anything else.
  package static func day(parsing text: String, today: CalendarDay) throws(DateError) -> CalendarDay {
    let day = try anyDay(parsing: text, today: today)
    guard day.isSupported else { throw .outsideCalendar(text) }
    return day
  }

  /// The day `text` names, possibly just outside the calendar (the day before 0001-01-01).
  private static func anyDay(parsing text: String, today: CalendarDay) throws(DateError) -> CalendarDay {
    let word = folded(text)
    switch word {
    case "today", "hoy": return today
    case "yesterday", "ayer": return today.adding(days: -1)
    default: break
    }
    if let weekday = weekdays[word] {
      return today.adding(days: -((today.weekday.rawValue - weekday.rawValue + 7) % 7))
    }
    if let day = CalendarDay(iso: word) { return day }
    if word.contains(where: \.isNumber), word.contains(where: { "/.".contains($0) }) {
      throw .ambiguousDay(text)
    }
    throw .unknownDay(text)
  }

  /// Lower case without accents or spaces: `Miércoles` reads as `miercoles`.
  static func folded(_ text: String) -> String {
    String(text.lowercased().filter { !$0.isWhitespace }.map { accents[$0] ?? $0 })
  }

  private static let accents: [Character: Character] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ü": "u"]
}
