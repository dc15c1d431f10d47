import TsheetCore
import TsheetStore

extension Terminal {
  /// Everything the log holds about a client, a line a setting: what `clients show` and `clients set` print.
  package func settings(_ settings: ClientSettings) -> String {
    func people(_ list: [Recipient]) -> String {
      list.isEmpty ? "-" : list.map(\.description).joined(separator: ", ").echoed(limit: 400)
    }
    let terms = settings.terms ?? ClientTerms()
    let language =
      settings.mail.language?.rawValue ?? context.config.lang.map { "\($0.rawValue) (the config's)" }
      ?? "en (the default)"
    return """
      Client:         \(settings.mail.client.echoed())
      Rounding:       \(terms.rounding.map { "each entry rounded \(Self.describe($0))" } ?? "none (billed as logged)")
      Monthly hours:  \(terms.monthlyHours.map { "\($0.formatted(hoursFormat)) contracted" } ?? "none")
      Language:       \(language)
      To:             \(people(settings.mail.to))
      Cc:             \(people(settings.mail.cc))

      """
  }

  /// The one line saying that the config's sections were moved into the log, and how to change them now.
  package func moved(_ sections: [ClientSection]) -> String {
    let list = sections.map { "[clients.\($0.client)] (\(Self.describe($0.terms)))" }
    let one = sections.count == 1
    return
      ("Moved the config's \(list.joined(separator: ", ")) into the log, where everyone sharing it bills by "
      + (one ? "it; the section is" : "them; the sections are") + " ignored from now on: change "
      + (one ? "it with tsheet clients set \(sections[0].client.shellQuoted)" : "them with tsheet clients set CLIENT")
      + ".").escapingControlCharacters + "\n"
  }

  /// The warning for a config section the log's terms overrule, with the command that would bill by it.
  package func ignored(_ section: ClientSection) -> String {
    let client = section.client.shellQuoted
    return
      (section.held == section.terms
      ? "Warning: the config's [clients.\(section.client)] is ignored: its terms live in the log now "
        + "(tsheet clients show \(client)); delete the section, and change them with tsheet clients set \(client)."
      : "Warning: the config's [clients.\(section.client)] is ignored: the log bills \(section.client) by other terms "
        + "(tsheet clients show \(client)); to bill by the section's, run \(Self.command(setting: section)), "
        + "then delete the section.").escapingControlCharacters + "\n"
  }

  /// The warning for a config section that names no client of the log.
  package func stray(_ section: ClientSection) -> String {
    ("Warning: the config's [clients.\(section.client)] names no client of the log, so it was not moved into the log "
      + "and bills nobody; "
      + (section.closest.map { "did you mean [clients.\"\($0)\"]?" } ?? "check the name with tsheet clients."))
      .escapingControlCharacters + "\n"
  }

  /// `up to 15m`, `to the nearest 30m`.
  static func describe(_ rounding: Rounding) -> String {
    "\(rounding.mode == .up ? "up" : "to the nearest") \(rounding.mode == .up ? "to " : "")\(rounding.step.compact)"
  }

  /// `rounded up to 15m, 20 hours a month`.
  static func describe(_ terms: ClientTerms) -> String {
    let parts = [
      terms.rounding.map { "rounded \(describe($0))" },
      terms.monthlyHours.map { "\(hoursWord($0)) hours a month" },
    ].compactMap { $0 }
    return parts.isEmpty ? "no terms" : parts.joined(separator: ", ")
  }

  /// The `tsheet clients set` command that gives `section.client` the section's terms.
  static func command(setting section: ClientSection) -> String {
    let rounding = section.terms.rounding
    return "tsheet clients set \(section.client.shellQuoted) --rounding \(rounding?.step.compact ?? "none")"
      + (rounding.map { " --rounding-mode \($0.mode.rawValue)" } ?? "")
      + " --monthly-hours \(section.terms.monthlyHours.map(hoursWord) ?? "none")"
  }

  /// Hours as `--monthly-hours` takes them back: `60`, `20.5`.
  static func hoursWord(_ minutes: Minutes) -> String {
    guard minutes.value % 60 != 0 else { return "\(minutes.value / 60)" }
    var text = String(Double((minutes.value * 100 + 30) / 60) / 100)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}
