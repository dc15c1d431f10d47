import Foundation
import PropertyBased
import Testing
import TsheetTestSupport

@testable import TsheetMail

/// Nothing a name, a subject or a saved message holds adds a recipient, starts a header or makes a line too long.
@Suite struct HostileMailTests {
  let address = "marta@acme.com"

  @Test func aServerEchoingTheSecretHasItHidden() {
    let plain = Data("\0ana@consult.es\0hunter2".utf8).base64EncodedString()
    let reply = SMTPReply(code: 535, lines: ["5.7.8 Bad credentials: \0ana@consult.es\0hunter2 (\(plain))"])
    let shown = reply.text(hiding: [plain, "hunter2"])
    #expect(!shown.contains("hunter2") && !shown.contains(plain))
    #expect(shown == "535 5.7.8 Bad credentials: \0ana@consult.es\0[hidden] ([hidden])")
  }

  @Test func anyDisplayNameKeepsItsOneAddress() async {
    await propertyCheck(count: 3000, input: HostileText.strings(of: 0...12)) { name in
      guard let person = try? MailAddress(name: name, address: address) else { return }
      let read = try? MailAddress.list(parsing: person.headerValue)
      #expect(read?.map(\.address) == [address], "\(person.headerValue)")
    }
  }

  @Test func pythonReadsOneAddressPerHostileName() throws {
    let names =
      HostileText.pieces.flatMap { first in ["\(first) Gil", "spy@evil.example, \(first)", first + ","] }
      + ["\"spy@evil.example, Marta\"", "spy@evil.example, Marta", "a@b.c <x@y.z>, Marta", "Marta\r\nBcc: x@y.z"]
    let people = try names.map { try MailAddress(name: $0, address: address) }
    let message = MIMEMessage(
      from: try MailAddress(address: "ana@consult.es"), to: people, subject: "s",
      date: Date(timeIntervalSince1970: 0), messageID: "<m@consult.es>", text: "t", html: "h")
    let script = """
      import email, email.policy, email.utils, json, sys
      message = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
      print(json.dumps([a.addr_spec for a in message["To"].addresses] + [k for k, _ in message.items()], ensure_ascii=False))
      """
    let output = try runPython(script, input: message.rendered)
    let found = try JSONSerialization.jsonObject(with: Data(output.utf8))
    #expect(
      found as? [String] == Array(repeating: address, count: people.count)
        + ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"])
  }

  @Test func headerLinesStayWithinTheirLimits() async throws {
    let from = try MailAddress(name: "Ana Ruiz", address: "ana@consult.es")
    let subjects = Gen.oneOf(
      HostileText.strings(of: 0...40),
      Gen.letterOrNumber.string(of: 0...1200), Gen.character(in: "a"..."ñ").string(of: 0...400))
    await propertyCheck(count: 500, input: subjects) { subject in
      let message = MIMEMessage(
        from: from, to: [from], subject: subject, date: Date(timeIntervalSince1970: 0),
        messageID: "<m@consult.es>", text: "", html: "")
      let header = message.rendered.split(separator: "\r\n\r\n", maxSplits: 1)[0]
      for line in header.split(separator: "\r\n") {
        #expect(line.utf8.count <= (line.contains("=?") ? 76 : 78), "\(line)")
        #expect(line.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F })
      }
    }
  }

  @Test func savedMessagesAreReadOrRefused() async {
    let texts = Gen.oneOf(
      HostileText.strings(of: 0...30),
      HostileText.strings(of: 0...10).map { "From: \($0)\r\nTo: \($0), b@c.d\r\nMessage-ID: <\($0)>\r\n\r\nbody" })
    await propertyCheck(count: 1000, input: texts) { text in
      guard let headers = try? SavedMessage(parsing: text) else { return }
      for name in ["From", "To", "Cc"] {
        if let people = try? headers.addresses(name) {
          #expect(
            people.allSatisfy { !$0.address.contains(where: { $0 == "," || $0.isWhitespace }) },
            "\(people)")
        }
      }
      _ = headers.messageIDs("Message-ID")
    }
  }

  @Test func sendmailPreviewQuotesWhatAShellWouldRead() throws {
    let transport = SendmailTransport(path: "/usr/sbin/sendmail")
    let message = MIMEMessage(
      from: try MailAddress(address: "ana@consult.es"),
      to: [try MailAddress(address: "o'brien$USER@acme.com"), try MailAddress(address: "it@intranet")],
      subject: "s", date: Date(timeIntervalSince1970: 0), messageID: "<m@c.es>", text: "", html: "")
    #expect(
      transport.preview(message)
        == "/usr/sbin/sendmail -i -f ana@consult.es -- 'o'\\''brien$USER@acme.com' it@intranet\n")
  }
}
