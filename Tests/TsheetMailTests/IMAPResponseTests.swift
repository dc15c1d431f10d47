import Foundation
import PropertyBased
import Testing
import TsheetTestSupport

@testable import TsheetMail

/// What tsheet reads of an IMAP server's answers (SEARCH and LIST lines) and of the messages it fetches (folded
/// headers, the first words): read back exactly when well formed, bounded and harmless when not.
@Suite struct IMAPResponseTests {
  @Test func searchLinesGiveTheirUIDs() async {
    await propertyCheck(count: 500, input: Gen.int(in: 1...Int(UInt32.max)).array(of: 0...40)) { uids in
      let answer = "* SEARCH " + uids.map(String.init).joined(separator: " ") + "\r\nA004 OK Search completed.\r\n"
      #expect(IMAPResponses.searchUIDs(in: Array(answer.utf8)) == uids)
      #expect(IMAPResponses.searchUIDs(in: Array(answer.utf8), limit: 5) == Array(uids.prefix(5)))
    }
  }

  @Test func hostileSearchAnswersGiveOnlyUIDsInRange() async {
    let answers = HostileText.strings(of: 0...30).map { "* SEARCH \($0) 7\r\n* search \($0)\r\n\($0)" }
    await propertyCheck(count: 2000, input: answers) { answer in
      let uids = IMAPResponses.searchUIDs(in: Array(answer.utf8), limit: 50)
      #expect(uids.count <= 50)
      #expect(uids.allSatisfy { (1...Int(UInt32.max)).contains($0) })
    }
    #expect(
      IMAPResponses.searchUIDs(in: Array("* SEARCH 0 -1 99999999999 4294967296 4294967295 1e3 0x10 3\r\n".utf8))
        == [4_294_967_295, 3])
  }

  @Test func listLinesGiveTheirMailboxesAndFlags() async {
    let names = Gen.character(in: " "..."~").string(of: 1...20)
    let flags = Gen.element(of: ["\\Sent", "\\HasNoChildren", "\\Noselect", "\\Drafts", "\\Junk"]).map { $0! }
      .array(of: 0...3)
    await propertyCheck(count: 1000, input: names, flags) { name, flags in
      let line = "* LIST (\(flags.joined(separator: " "))) \"/\" \(Self.quoted(name))\r\nA2 OK\r\n"
      #expect(
        IMAPResponses.mailboxes(in: Array(line.utf8))
          == [IMAPResponses.Mailbox(name: name, flags: Set(flags.map { $0.lowercased() }))], "\(line)")
    }
    let atoms = "* LIST (\\HasNoChildren \\Sent) \".\" Sent\r\n* LIST () NIL INBOX\r\n* LIST (\\Sent) \"/\" {9}\r\n"
    #expect(IMAPResponses.mailboxes(in: Array(atoms.utf8)).map(\.name) == ["Sent", "INBOX"])
  }

  /// A mailbox name as a server quotes it (`"Sent Items"`).
  static func quoted(_ text: String) -> String {
    "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
  }

  @Test func hostileListAnswersGiveNamesWithoutControlCharacters() async {
    let answers = HostileText.strings(of: 0...20).map {
      "* LIST (\\Sent \($0)) \"\($0)\" \($0)\r\n* LIST (\\Sent) \".\" \"\($0)\""
    }
    await propertyCheck(count: 2000, input: answers) { answer in
      for mailbox in IMAPResponses.mailboxes(in: Array(answer.utf8), limit: 10) {
        #expect(!mailbox.name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(mailbox)")
      }
    }
  }

  /// A header folded by tsheet's writer is read back whole by the reader of fetched messages.
  @Test func foldedHeadersUnfoldToTheirValue() async throws {
    let word = Gen.character(in: "a"..."z").string(of: 1...12)
    let from = try MailAddress(address: "ana@consult.es")
    await propertyCheck(count: 500, input: word.array(of: 1...40), Gen.int(in: 1...30)) { words, people in
      let subject = words.joined(separator: " ")
      let to = (0..<people).compactMap { try? MailAddress(name: "Person \($0)", address: "p\($0)@acme.com") }
      let message = MIMEMessage(
        from: from, to: to, subject: subject, date: Date(timeIntervalSince1970: 0),
        messageID: "<m@consult.es>", text: "t", html: "h")
      let saved = try? SavedMessage(parsing: message.rendered)
      #expect(saved?["Subject"] == subject)
      #expect((try? saved?.addresses("To")) == to)
    }
  }

  @Test func theFirstWordsAreFewAndFromTheTextPart() async {
    let message = """
      Content-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r
      Content-Transfer-Encoding: quoted-printable\r\n\r\nHola Ana, =C2=BFlas horas\r\n> quoted\r\ndel martes?\r
      --b1\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--b1--\r\n
      """
    #expect(SavedMessage.firstWords(of: message) == "Hola Ana, ¿las horas del martes?")
    #expect(SavedMessage.firstWords(of: message, count: 2) == "Hola Ana, …")
    await propertyCheck(count: 1000, input: HostileText.strings(of: 0...40)) { text in
      let words = SavedMessage.firstWords(
        of: "Content-Type: multipart/mixed; boundary=\(text)\r\n\r\n\(text)", count: 5)
      #expect(words.split(separator: " ").count <= 6)
    }
  }
}
