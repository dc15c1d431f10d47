import Foundation
import Testing
import TsheetTestSupport

@testable import TsheetMail

@Suite struct MIMEMessageTests {
  func message(subject: String = "Timesheet acme: week 47") throws -> MIMEMessage {
    var message = MIMEMessage(
      from: try MailAddress(parsing: "Ana Ruiz <ana@consult.es>"),
      to: [try MailAddress(parsing: "Núñez, S.L. <info@nunez.es>")], subject: subject,
      date: Date(timeIntervalSince1970: 1_795_420_800), messageID: "<tsheet.1.abc@consult.es>",
      text: "Hola:\n\nlunes 16 de noviembre: 2,50 h\n", html: "<p>Hola: <strong>2,50 h</strong></p>\n",
      boundary: "=_tsheet_test")
    message.timeZone = TimeZone(secondsFromGMT: 3600)!
    message.cc = [try MailAddress(parsing: "marta@nunez.es")]
    message.bcc = [try MailAddress(parsing: "archive@consult.es")]
    message.inReplyTo = "<tsheet.0.prev@consult.es>"
    message.references = ["<tsheet.0.first@consult.es>", "<tsheet.0.prev@consult.es>"]
    return message
  }

  @Test func pythonsEmailPackageReadsItBack() throws {
    let parsed = try parseWithPython(try message(subject: "Parte de horas Cafés Núñez: semana 47").rendered)
    let headers = parsed["headers"] as? [String: String] ?? [:]
    #expect(headers["Subject"] == "Parte de horas Cafés Núñez: semana 47")
    #expect(headers["To"] == "\"Núñez, S.L.\" <info@nunez.es>")
    #expect(headers["Cc"] == "marta@nunez.es")
    #expect(headers["Bcc"] == nil, "Bcc never appears in the headers")
    #expect(headers["Date"] == "Mon, 23 Nov 2026 09:00:00 +0100")
    #expect(headers["In-Reply-To"] == "<tsheet.0.prev@consult.es>")
    #expect(headers["References"] == "<tsheet.0.first@consult.es> <tsheet.0.prev@consult.es>")
    #expect(parsed["type"] as? String == "multipart/alternative")
    let parts = parsed["parts"] as? [[String: Any]] ?? []
    #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html"])
    #expect(parts.map { $0["charset"] as? String } == ["utf-8", "utf-8"])
    #expect(
      (parts.first?["body"] as? String)?.replacing("\r\n", with: "\n") == "Hola:\n\nlunes 16 de noviembre: 2,50 h\n")
    #expect((parsed["defects"] as? [String])?.isEmpty == true)
    #expect(parsed["bare_lf"] as? Bool == false)
    #expect((parsed["longest_line"] as? Int ?? 999) <= 78)
  }

  @Test func matchesTheGoldenMessage() throws {
    try expectGolden(try message().rendered, named: "message.eml")
  }

  @Test func aLineBreakInAnyHeaderValueStartsNoHeader() throws {
    var evil = try message(subject: "Week 47\r\nBcc: victim@example.com\nX-Evil: yes")
    evil.to = [try MailAddress(name: "Boss\r\nX-Injected: 1", address: "boss@acme.com")]
    let parsed = try parseWithPython(evil.rendered)
    let names = parsed["header_names"] as? [String] ?? []
    #expect(!names.contains("Bcc"))
    #expect(!names.contains("X-Evil"))
    #expect(!names.contains("X-Injected"))
    #expect((parsed["headers"] as? [String: String])?["Subject"] == "Week 47 Bcc: victim@example.com X-Evil: yes")
  }

  @Test func recipientsAreEveryAddressOnce() throws {
    var message = try message()
    message.cc.append(try MailAddress(parsing: "INFO@nunez.es"))
    #expect(message.recipients.map(\.address) == ["info@nunez.es", "marta@nunez.es", "archive@consult.es"])
  }

  @Test func referencesKeepTheFirstAndTheLastNine() {
    let chain = (1...15).map { "<\($0)@x>" }
    let references = MIMEMessage.references(replyingTo: "<16@x>", references: chain)
    #expect(references.count == 10)
    #expect(references.first == "<1@x>")
    #expect(references.last == "<16@x>")
    #expect(MIMEMessage.references(replyingTo: "<2@x>", references: ["<1@x>"]) == ["<1@x>", "<2@x>"])
  }

  @Test func readsTheHeadersOfASavedMessage() throws {
    let saved = """
      Return-Path: <marta@nunez.es>\r
      From: =?iso-8859-1?Q?Marta_Gil?= <marta@nunez.es>\r
      To: Ana Ruiz <ana@consult.es>,\r
       "Núñez, S.L." <info@nunez.es>\r
      Cc: cfo@nunez.es\r
      Subject: RE: Parte de horas\r
      Message-ID: <CAF123@mail.nunez.es>\r
      References: <tsheet.1.a@consult.es>\r
       <tsheet.2.b@consult.es>\r
      \r
      Body: Message-ID: <not-a-header@x>\r
      """
    let headers = try SavedMessage(parsing: saved)
    #expect(headers.messageIDs("message-id") == ["<CAF123@mail.nunez.es>"])
    #expect(headers.messageIDs("References") == ["<tsheet.1.a@consult.es>", "<tsheet.2.b@consult.es>"])
    #expect(try headers.addresses("From").map(\.description) == ["Marta Gil <marta@nunez.es>"])
    #expect(try headers.addresses("To").map(\.address) == ["ana@consult.es", "info@nunez.es"])
    #expect(try headers.addresses("Bcc").isEmpty)
    #expect(throws: MailError.self) { try SavedMessage(parsing: "\r\nno headers") }
  }
}
