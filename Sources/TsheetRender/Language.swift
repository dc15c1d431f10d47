import TsheetCore

/// The words of a language: days and months, how dates read, and the decimal separator.
extension Language {
  /// The day's name: `Monday`, `lunes`.
  package func name(of weekday: Weekday) -> String {
    switch self {
    case .en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday.rawValue - 1]
    case .es: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"][weekday.rawValue - 1]
    }
  }

  /// The month's name: `November`, `noviembre`.
  package func monthName(_ month: Int) -> String {
    switch self {
    case .en:
      [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
      ][month - 1]
    case .es:
      [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
        "noviembre", "diciembre",
      ][month - 1]
    }
  }

  /// A day without its year, as a timesheet's day heading: `Monday 16 November`, `lunes 16 de noviembre`.
  package func dayLabel(_ day: CalendarDay) -> String {
    switch self {
    case .en: "\(name(of: day.weekday)) \(day.day) \(monthName(day.month))"
    case .es: "\(name(of: day.weekday)) \(day.day) de \(monthName(day.month))"
    }
  }

  /// A day as a timesheet's heading, starting with a capital: `Monday 16 November`, `Lunes 16 de noviembre`.
  package func dayHeading(_ day: CalendarDay) -> String {
    let label = dayLabel(day)
    return label.prefix(1).uppercased() + label.dropFirst()
  }

  /// A day with its year: `Monday 16 November 2026`, `lunes 16 de noviembre de 2026`.
  package func longDate(_ day: CalendarDay) -> String {
    switch self {
    case .en: "\(dayLabel(day)) \(day.year)"
    case .es: "\(dayLabel(day)) de \(day.year)"
    }
  }

  /// A span of days as a sentence reads it: a single day, a whole month (`November 2026`), or first to last
  /// (`16–22 November 2026`, `del 16 al 22 de noviembre de 2026`), naming months and years only once.
  package func range(_ range: DayRange) -> String {
    let (first, last) = (range.first, range.last)
    if first == last { return longDate(first) }
    if range == DayRange.month(containing: first) {
      return self == .en ? "\(monthName(first.month)) \(first.year)" : "\(monthName(first.month)) de \(first.year)"
    }
    switch (self, first.year == last.year, first.month == last.month) {
    case (.en, true, true):
      return "\(first.day)–\(last.day) \(monthName(last.month)) \(last.year)"
    case (.en, true, false):
      return "\(first.day) \(monthName(first.month)) – \(last.day) \(monthName(last.month)) \(last.year)"
    case (.en, false, _):
      return "\(first.day) \(monthName(first.month)) \(first.year) – \(last.day) \(monthName(last.month)) \(last.year)"
    case (.es, true, true):
      return "del \(first.day) al \(last.day) de \(monthName(last.month)) de \(last.year)"
    case (.es, true, false):
      return "del \(first.day) de \(monthName(first.month)) al \(last.day) de \(monthName(last.month)) de \(last.year)"
    case (.es, false, _):
      return "del \(first.day) de \(monthName(first.month)) de \(first.year) al \(last.day) de "
        + "\(monthName(last.month)) de \(last.year)"
    }
  }

  /// Hours with two decimals and this language's separator: `1.50`, `1,50`.
  package func hours(_ minutes: Minutes) -> String {
    minutes.formatted(.decimal, decimalSeparator: self == .en ? "." : ",")
  }
}
