import TsheetCore
import TsheetStore

extension Terminal {
  /// What `tsheet copy` did: "Copied 3 clients, 120 entries and 1 day off to backup.sqlite."
  package func copied(_ outcome: CopyOutcome) -> String {
    let copied = outcome.copied.filter { $0.1 > 0 }
    let target = outcome.destination.escapingControlCharacters
    guard !copied.isEmpty else { return "The log is empty; so is \(target).\n" }
    return "Copied \(LogTable.listed(copied)) to \(target).\n"
  }
}
