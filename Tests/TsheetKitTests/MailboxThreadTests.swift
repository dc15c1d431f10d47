import Foundation
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
        == "Thread (acme): replying to Marta Gil <marta@acme.com>'s answer in INBOX; joined: JON@acme.com.\n"
    )
    #expect(
      MailboxThread.note(
        "acme", replying: "x\u{1B}[2J", in: "Clients", now: now,
        before: before.prefix(1) + [Recipient(address: "jon@acme.com")])
        == "Thread (acme): replying to x\\x1b[2J's answer in Clients.\n")
  }

  /// An answer from `from`, copying `cc`, with `extra` header lines.
  static func answer(from: String, cc: String, extra: String = "") throws -> MailboxMessage {
    let text =
      "From: \(from)\r\nTo: ana@consult.es\r\nCc: \(cc)\r\n\(extra)Message-ID: <a1@x.example>\r\n\r\nHi\r\n"
    return MailboxMessage(saved: try SavedMessage(parsing: text), text: text, folder: "INBOX")
  }

  @Test func nobodyAtAPublicDomainJoinsAndNobodyIsDropped() throws {
    let people = Self.people + [Recipient(address: "bob@gmail.com")]
    let (reply, notes) = MailboxThread.replying(
      to: try Self.answer(from: "bob@gmail.com", cc: "mallory@gmail.com, new@acme.com"), of: "acme",
      people: people, own: ["ana@consult.es"])
    #expect(reply?.to.map(\.address) == ["bob@gmail.com"])
    #expect(reply?.cc.map(\.address) == ["new@acme.com", "marta@acme.com", "it@acme.com"])
    #expect(
      notes == [
        "Thread (acme): replying to bob@gmail.com's answer in INBOX; joined: new@acme.com; kept, not on the "
          + "answer: marta@acme.com, it@acme.com; not added, as not at the client's domains: mallory@gmail.com "
          + "(tsheet clients set adds people).\n"
      ])
  }

  @Test(arguments: [
    ("marta@acme.com, evil@evil.example", "", "does not name one sender"),
    ("marta@acme.com", "From: evil@evil.example\r\n", "does not name one sender"),
    ("marta@acme.com", "Authentication-Results: mx.consult.es; spf=fail; dmarc=fail (p=reject)\r\n", "(DMARC)"),
  ])
  func aSenderNotProvedIsNotRepliedTo(from: String, extra: String, problem: String) throws {
    let (reply, notes) = MailboxThread.replying(
      to: try Self.answer(from: from, cc: "it@acme.com", extra: extra), of: "acme", people: Self.people,
      own: ["ana@consult.es"])
    #expect(reply == nil)
    #expect(notes.first?.contains(problem) == true, "\(notes)")
  }

  @Test func anAnswerDatedAheadIsBelievedOnlyWithinADay() throws {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    func dated(_ offset: TimeInterval) throws -> Date? {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss Z"
      let text = "From: a@b.c\r\nDate: \(formatter.string(from: now.addingTimeInterval(offset)))\r\n\r\n"
      return ThreadTrust.written(try SavedMessage(parsing: text), now: now)
    }
    #expect(try dated(-60) == now.addingTimeInterval(-60))
    #expect(try dated(3600) == now)
    #expect(try dated(2 * 24 * 3600) == nil)
  }

  @Test func withoutReferencesTheParentsInReplyToStandsForThem() throws {
    let text = "From: marta@acme.com\r\nMessage-ID: <a2@acme.com>\r\nIn-Reply-To: <ours@consult.es>\r\n\r\n"
    let reply = try Reply(to: try SavedMessage(parsing: text), leavingOut: [])
    #expect(reply.references == ["<ours@consult.es>"])
  }

  @Test func anAnswerMustNameOurIdWhole() throws {
    let ids = ["<ours@consult.es>"]
    func answers(_ header: String) throws -> Bool {
      Mailbox.answers(try SavedMessage(parsing: "\(header)\r\nMessage-ID: <x@y.z>\r\n\r\n"), oneOf: ids)
    }
    #expect(try answers("In-Reply-To: <ours@consult.es>"))
    #expect(try answers("References: <a@b.c> <ours@consult.es>"))
    #expect(try !answers("In-Reply-To: <xours@consult.es>"))
    #expect(try !answers("In-Reply-To: <OURS@CONSULT.ES>"))
  }

  static let people = [Recipient(address: "marta@acme.com"), Recipient(address: "it@acme.com")]

  @Test func aStrangerWhoKnowsTheThreadIsNotRepliedTo() throws {
    let (reply, notes) = MailboxThread.replying(
      to: try Self.answer(from: "Mallory <mallory@evil.example>", cc: "marta@acme.com"), of: "acme",
      people: Self.people, own: ["ana@consult.es"])
    #expect(reply == nil)
    #expect(
      notes == [
        "Warning: the answer from Mallory <mallory@evil.example> in INBOX is not from the client's people (to reply "
          + "to it, save it and pass --reply-to FILE); the email goes to acme's people as without [imap].\n"
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
