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

  @Test func onlyWellFormedIdsAreTakenFromAMessage() async {
    await propertyCheck(count: 2000, input: HostileText.strings(of: 0...6)) { text in
      if SavedMessage.isMessageID(text) {
        #expect(!text.contains { $0 == "\"" || $0 == "\\" || $0.isWhitespace || $0.isNewline })
      }
    }
    #expect(SavedMessage.isMessageID("<tsheet.1796355894.170d0001f73149bb@consult.es>"))
    #expect(!SavedMessage.isMessageID("<a\"b@c> OR ALL"))
    let long = "<" + String(repeating: "x", count: 5000) + "@evil.example>"
    let saved = try? SavedMessage(parsing: "Message-ID: \(long)\r\nReferences: <ok@acme.com> <no-at> <a b@c>\r\n\r\n")
    #expect(saved?.messageIDs("Message-ID") == [])
    #expect(saved?.messageIDs("References") == ["<ok@acme.com>"])
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

  /// An answer from `from`, copying `cc`.
  static func answer(from: String, cc: String) throws -> MailboxMessage {
    let text = "From: \(from)\r\nTo: ana@consult.es\r\nCc: \(cc)\r\nMessage-ID: <a1@x.example>\r\n\r\nHi\r\n"
    return MailboxMessage(saved: try SavedMessage(parsing: text), text: text, folder: "INBOX")
  }

  static let people = [Recipient(address: "marta@acme.com"), Recipient(address: "it@acme.com")]

  @Test func aStrangerWhoKnowsTheThreadIsNotRepliedTo() throws {
    let (reply, notes) = MailboxThread.replying(
      to: try Self.answer(from: "Mallory <mallory@evil.example>", cc: "marta@acme.com"), of: "acme",
      people: Self.people, own: ["ana@consult.es"])
    #expect(reply == nil)
    #expect(
      notes == [
        "Warning: the answer from Mallory <mallory@evil.example> in INBOX is not from acme's people (to reply to it, "
          + "save it and pass --reply-to FILE); the email goes to acme's people as without [imap].\n"
      ])
  }

  @Test func onlyPeopleAtTheClientsDomainsJoin() throws {
    let (reply, notes) = MailboxThread.replying(
      to: try Self.answer(from: "Marta <MARTA@acme.com>", cc: "jon@acme.com, spy@evil.example, it@ACME.com"),
      of: "acme", people: Self.people, own: ["ana@consult.es"])
    #expect(reply?.to.map(\.address) == ["MARTA@acme.com"])
    #expect(reply?.cc.map(\.address) == ["jon@acme.com", "it@ACME.com"])
    #expect(
      notes == [
        "Thread (acme): replying to Marta <MARTA@acme.com>'s answer in INBOX; joined: jon@acme.com; not added, as "
          + "not at the client's domains: spy@evil.example (tsheet clients set adds people).\n"
      ])
  }

  @Test func anAnswerFromTheUserAloneLeavesTheClientsPeople() throws {
    let (reply, notes) = MailboxThread.replying(
      to: try Self.answer(from: "marta@acme.com", cc: "x@evil.example"), of: "acme", people: Self.people,
      own: ["marta@acme.com"])
    #expect(reply == nil)
    #expect(notes.first?.contains("names none of acme's people but you") == true)
  }

  @Test func anyAnswerKeepsOnlyThePeopleItMayAdd() async throws {
    let address = Gen.oneOf(
      Gen.character(in: "a"..."c").string(of: 1...2).map { "\($0)@acme.com" },
      Gen.character(in: "a"..."c").string(of: 1...2).map { "\($0)@evil.example" })
    await propertyCheck(count: 300, input: address.array(of: 1...6)) { addresses in
      guard let answer = try? Self.answer(from: addresses[0], cc: addresses.joined(separator: ", ")) else { return }
      let (reply, _) = MailboxThread.replying(to: answer, of: "acme", people: Self.people, own: [])
      let known = Set(Self.people.map(\.address))
      #expect((reply == nil) == !known.contains(addresses[0]))
      for person in (reply?.to ?? []) + (reply?.cc ?? []) { #expect(person.address.hasSuffix("@acme.com")) }
    }
  }
}
