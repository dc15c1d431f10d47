import PropertyBased
import Testing
import TsheetCore
import TsheetMail
import TsheetTestSupport

@testable import TsheetKit

/// The pure parts of the mailbox's use: the SEARCH it sends, and the line that tells who joined or left.
@Suite struct MailboxThreadTests {
  @Test func theSearchNamesEachIdTwiceInBalancedKeys() async {
    let id = Gen.character(in: "a"..."z").string(of: 1...10).map { "<\($0)@acme.com>" }
    await propertyCheck(count: 300, input: id.array(of: 1...Mailbox.maxIDs)) { ids in
      let criteria = Mailbox.criteria(referringTo: ids)
      #expect(criteria.split(separator: "HEADER").count - 1 == 2 * ids.count)
      #expect(criteria.count { $0 == "(" } == criteria.count { $0 == ")" })
      for id in ids { #expect(criteria.contains("References \"\(id)\" HEADER In-Reply-To \"\(id)\"")) }
    }
    #expect(Mailbox.criteria(referringTo: ["<a@b>"]) == "OR HEADER References \"<a@b>\" HEADER In-Reply-To \"<a@b>\"")
  }

  @Test func onlyPlainIdsAreSearchedFor() async {
    await propertyCheck(count: 2000, input: HostileText.strings(of: 0...6)) { text in
      if Mailbox.isSearchable(text) {
        #expect(!text.contains { $0 == "\"" || $0 == "\\" || $0.isWhitespace || $0.isNewline })
      }
    }
    #expect(Mailbox.isSearchable("<tsheet.1796355894.170d0001f73149bb@consult.es>"))
    #expect(!Mailbox.isSearchable("<a\"b@c> OR ALL"))
  }

  @Test func theNoteNamesWhoJoinedAndWhoLeft() throws {
    let now = try MailAddress.list(parsing: "Marta Gil <marta@acme.com>, Jon <JON@acme.com>")
    let before = [Recipient(address: "marta@acme.com"), Recipient(address: "old@acme.com")]
    #expect(
      MailboxThread.note("acme", replying: "Marta Gil <marta@acme.com>", in: "INBOX", now: now, before: before)
        == "Thread (acme): replying to Marta Gil <marta@acme.com>'s answer in INBOX; joined: Jon <JON@acme.com>; left: old@acme.com.\n"
    )
    #expect(
      MailboxThread.note(
        "acme", replying: "x\u{1B}[2J", in: "Clients", now: now,
        before: before.prefix(1) + [Recipient(address: "jon@acme.com")])
        == "Thread (acme): replying to x\\x1b[2J's answer in Clients.\n")
  }
}
