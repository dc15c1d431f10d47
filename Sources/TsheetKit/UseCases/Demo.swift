import Foundation
import TsheetCore
import TsheetMail
import TsheetStore

/// The built-in demo: a fresh log in a temporary folder holding a realistic month of work for three clients,
/// last week's listing, and the Monday email to the sample client written beside it. The user's own log is not
/// touched.
package struct Demo {
  /// What the demo made, for the terminal to show.
  package struct Result: Sendable {
    /// The demo's log.
    package let databasePath: String
    /// Last week's entries.
    package let lastWeek: [Entry]
    /// The Monday email to acme, written to `emailPath`.
    package let email: TimesheetMessage
    package let emailPath: String
  }

  let context: Context

  package init(_ context: Context) {
    var context = context
    context.config.mailFrom = context.config.mailFrom ?? Demo.sender
    self.context = context
  }

  /// Makes the demo log, lists last week, writes and records the Monday email.
  /// - Throws: `DemoError` when the temporary folder (`TMPDIR`) is missing: it is never created.
  package func run() throws -> Result {
    let temporary = FileManager.default.temporaryDirectory.path
    let folder = temporary + "/tsheet-demo-\(UUID().uuidString.prefix(8))"
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: false,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw DemoError.noTemporaryFolder(path: temporary)
    }
    let store = try SQLiteStore(path: folder + "/tsheet.sqlite", person: context.person)
    try store.write { try Demo.fill($0, until: context.today, as: context.person) }
    let period = EmailPeriodRequest(week: "last")
    let lastWeek = try period.range(in: context)
    let mail = TimesheetMail(context, store: store)
    let email = try mail.compose(
      EmailRequest(
        client: "acme", period: period,
        note: "I'll be on site Thursday to close the ERP upgrade."))
    let path = folder + "/acme-\(lastWeek.first).eml"
    let output = try Output.open(path)
    try output.write(email.rendered)
    try output.close()
    try mail.recordWritten(email)
    let entries = try store.read {
      try $0.entries(matching: EntryFilter(from: lastWeek.first, to: lastWeek.last), billing: .asLogged)
    }
    return Result(databasePath: store.location, lastWeek: entries, email: email, emailPath: path)
  }

  /// Logs the four weeks before `today`'s week and the days of this week before today, and the sample
  /// clients' recipients.
  private static func fill(_ log: any LogWriter, until today: CalendarDay, as person: String) throws {
    let thisMonday = DayRange.week(containing: today).first
    var random = SplitMix64(seed: 2026)
    for dayNumber in thisMonday.adding(days: -28).dayNumber..<today.dayNumber {
      let day = CalendarDay(dayNumber: dayNumber)
      guard day.weekday.rawValue <= 5 else { continue }
      for (client, title, description) in sampleTasks.shuffled(using: &random).prefix(3 + Int(random.next() % 3)) {
        let minutes = Minutes(15 * (2 + Int(random.next() % 10)))
        _ = try log.add(
          NewEntry(
            client: client, title: title, description: description, day: day,
            minutes: minutes, person: person))
      }
    }
    _ = try log.setMailSettings(
      of: "acme", to: [Recipient(name: "Marta Gil", address: "marta@acme.example")],
      cc: [Recipient(address: "it@acme.example")], language: nil)
    _ = try log.setMailSettings(
      of: "Cafés Núñez", to: [Recipient(name: "Núñez, S.L.", address: "info@nunez.example")],
      cc: nil, language: .es)
  }

  /// The sender the demo's emails come from, unless the config names one.
  static let sender = try! MailAddress(name: "Ana Ruiz", address: "ana@consult.example")  // checked by the demo's test

  /// Work a support consultant does in a month, weighted towards the main client.
  private static let sampleTasks: [(String, String, String)] = [
    ("acme", "Fixed SSO login", "Renewed the IdP signing certificate; users on the VPN can sign in again."),
    ("acme", "Weekly sync with IT", "Agreed the ERP upgrade plan with Marta and the helpdesk."),
    ("acme", "ERP upgrade rehearsal", "Restored Friday's backup on the test server, ran the migration: 42 min."),
    ("acme", "Mailbox migration", "Moved 35 mailboxes to Exchange Online; \"Compras\" shared box pending."),
    ("acme", "Printer queue on floor 2", ""),
    ("Globex", "Firewall rules review", "Closed 12 unused ports, documented the rest in the wiki."),
    ("Globex", "Backup restore test", "Quarterly test: full restore of the file server, 1.2 TB, no errors."),
    ("Globex", "On-call: disk full on app server", "Rotated logs, added an alert at 85 %."),
    ("Cafés Núñez", "Reunión de seguimiento", "Revisión del inventario de portátiles con Núñez, S.L."),
    ("Cafés Núñez", "Instalación del TPV", "Configuración de la impresora de tiques y pruebas de cobro."),
  ]
}

/// Why the demo cannot run.
package enum DemoError: UserError, Equatable {
  case noTemporaryFolder(path: String)

  package var exitStatus: ExitStatus { .ioError }
  package var description: String {
    switch self {
    case .noTemporaryFolder(let path):
      "cannot create the demo's folder in '\(path)'; set TMPDIR to a folder you can write, or unset it."
    }
  }
}

/// A small, fast, seeded random number generator, so the demo's month is the same on every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
