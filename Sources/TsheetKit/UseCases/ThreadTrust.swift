import Foundation
import TsheetCore
import TsheetMail

/// What tsheet believes of a message in the mailbox that claims to answer a client's email. Anyone who has seen
/// one of its Message-IDs can write such a message, and its From is not proof: so the sender must be one of the
/// client's people, the message must not have failed its domain's check, only people at the client's own
/// domains may join, and nobody is dropped from the client's people by an answer.
enum ThreadTrust {
  /// Domains anyone can have an address at: an address there says nothing of who the person works for.
  static let publicDomains: Set<String> = [
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
    "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.net",
    "gmx.de", "web.de", "mail.com", "zoho.com", "yandex.com", "yandex.ru", "fastmail.com", "tutanota.com",
    "hotmail.es", "yahoo.es", "outlook.es", "terra.es", "telefonica.net", "movistar.es",
  ]

  /// How far ahead of now an answer may be dated (clocks and time zones set wrong) before it is not believed.
  static let clockSkew: TimeInterval = 24 * 3600

  /// The part of `address` after its last `@`, lowercased.
  static func domain(_ address: String) -> String {
    address.split(separator: "@").last.map { $0.lowercased() } ?? ""
  }

  /// The client's own domains: those of its people, but for public ones.
  static func domains(of people: [Recipient]) -> Set<String> {
    Set(people.map { domain($0.address) }).subtracting(publicDomains)
  }

  /// Why `saved` is not believed to come from one of `people`, or nil when it is: one From header holding one
  /// address that is one of them, and no failed DMARC check recorded by the receiving server.
  static func doubt(_ saved: SavedMessage, people: [Recipient]) -> String? {
    let froms = saved.values("From")
    guard froms.count == 1, let senders = try? MailAddress.list(parsing: froms[0]), senders.count == 1 else {
      return "does not name one sender"
    }
    guard people.contains(where: { $0.address.lowercased() == senders[0].address.lowercased() }) else {
      return "is not from the client's people"
    }
    if saved.values("Authentication-Results").contains(where: { $0.lowercased().contains("dmarc=fail") }) {
      return "failed its domain's check (DMARC)"
    }
    return nil
  }

  /// When `saved` was written, as far as it can be believed: its Date, no later than `now`; nil when it is
  /// dated more than `clockSkew` ahead, so that it cannot stay newer than every email sent after it.
  static func written(_ saved: SavedMessage, now: Date) -> Date? {
    let date = saved.date ?? .distantPast
    return date > now.addingTimeInterval(clockSkew) ? nil : min(date, now)
  }
}
