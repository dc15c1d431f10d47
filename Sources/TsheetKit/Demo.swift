import Foundation
import TsheetCore
import TsheetMail
import TsheetStore

/// The built-in demo: a fresh log in a temporary folder holding a realistic month of work for three clients.
package enum Demo {
    /// Creates the demo log in a new temporary folder and fills it with the four weeks before `today`'s week
    /// and the days of this week before today.
    /// - Returns: the store, for the demo to show.
    /// - Throws: `DemoError` when the temporary folder (`TMPDIR`) is missing: it is never created.
    package static func makeStore(today: CalendarDay) throws -> Store {
        let temporary = FileManager.default.temporaryDirectory.path
        let folder = temporary + "/tsheet-demo-\(UUID().uuidString.prefix(8))"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw DemoError.noTemporaryFolder(path: temporary)
        }
        let store = try Store(path: folder + "/tsheet.sqlite")
        let thisMonday = DayRange.week(containing: today).first
        var random = SplitMix64(seed: 2026)
        for dayNumber in thisMonday.adding(days: -28).dayNumber..<today.dayNumber {
            let day = CalendarDay(dayNumber: dayNumber)
            guard day.weekday.rawValue <= 5 else { continue }
            for (client, title, description) in sampleTasks.shuffled(using: &random).prefix(3 + Int(random.next() % 3)) {
                let minutes = Minutes(15 * (2 + Int(random.next() % 10)))
                _ = try store.add(NewEntry(client: client, title: title, description: description, day: day,
                                           minutes: minutes))
            }
        }
        _ = try store.setMailSettings(of: "acme", to: [Recipient(name: "Marta Gil", address: "marta@acme.example")],
                                      cc: [Recipient(address: "it@acme.example")], language: nil)
        _ = try store.setMailSettings(of: "Cafés Núñez", to: [Recipient(name: "Núñez, S.L.", address: "info@nunez.example")],
                                      cc: nil, language: .es)
        return store
    }

    /// The sender the demo's emails come from, unless the config names one.
    package static let sender = try! MailAddress(name: "Ana Ruiz", address: "ana@consult.example") // checked by the demo's test

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
