import Testing

@testable import TsheetMail

@Suite struct QuotedPrintableTests {
  @Test(arguments: [
    "plain ASCII", "Caf\u{E9}s N\u{FA}\u{F1}ez: d\u{ED}a a d\u{ED}a", "a = b", "trailing space ", "tab\tinside",
    String(repeating: "long line with \u{F1} ", count: 20), "two\nlines\n", "emoji \u{1F600} and \u{20AC}", "",
  ])
  func roundTripsAndKeepsLinesShort(text: String) {
    let encoded = QuotedPrintable.encode(text)
    let crlf = text.replacing("\n", with: "\r\n")
    #expect(String(decoding: QuotedPrintable.decode(encoded), as: UTF8.self) == crlf)
    for line in encoded.split(separator: "\r\n", omittingEmptySubsequences: false) {
      #expect(line.utf8.count <= 76)
      #expect(line.unicodeScalars.allSatisfy { $0.isASCII })
      #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
    }
  }

  @Test func neverBreaksInsideACharacter() {
    let encoded = QuotedPrintable.encode(String(repeating: "\u{F1}", count: 60))
    for line in encoded.split(separator: "\r\n") { #expect(line.hasSuffix("=C3=B1=") || line.hasSuffix("=C3=B1")) }
  }
}

@Suite struct EncodedWordTests {
  @Test(arguments: [
    "Cafés Núñez", "Parte de horas Cafés Núñez: semana 47, del 16 al 22 de noviembre de 2026",
    "日本語のテキストを含む件名", "plain",
  ])
  func roundTripsInShortWords(text: String) {
    let encoded = EncodedWord.encode(text)
    #expect(EncodedWord.decode(encoded) == text)
    for word in encoded.split(separator: " ") { #expect(word.count <= 75) }
  }

  @Test func decodesWhatMailClientsWrite() {
    #expect(EncodedWord.decode("=?iso-8859-1?Q?Mar=EDa_Gil?= <m@x.es>") == "María Gil <m@x.es>")
    #expect(EncodedWord.decode("=?UTF-8?B?TsO6w7Fleg==?= =?UTF-8?B?LCBTLkwu?=") == "Núñez, S.L.")
    #expect(EncodedWord.decode("Re: =?UTF-8?Q?Parte_de_horas?= ok") == "Re: Parte de horas ok")
    #expect(EncodedWord.decode("=?bogus?X?abc?=") == "=?bogus?X?abc?=")
  }
}

@Suite struct MailAddressTests {
  @Test(arguments: [
    ("ana@consult.es", nil, "ana@consult.es"), ("Ana Ruiz <ana@consult.es>", "Ana Ruiz", "ana@consult.es"),
    ("\"Ruiz, Ana\" <ana@consult.es>", "Ruiz, Ana", "ana@consult.es"), ("<ana@consult.es>", nil, "ana@consult.es"),
    ("=?UTF-8?B?TsO6w7Fleg==?= <info@nunez.es>", "Núñez", "info@nunez.es"),
    ("marta@localhost", nil, "marta@localhost"), ("IT <it@intranet>", "IT", "it@intranet"),
    ("ops@[192.0.2.1]", nil, "ops@[192.0.2.1]"), ("soporte@cafés-núñez.es", nil, "soporte@cafés-núñez.es"),
  ])
  func parses(text: String, name: String?, address: String) throws {
    let parsed = try MailAddress(parsing: text)
    #expect(parsed.name == name)
    #expect(parsed.address == address)
  }

  @Test func listsSplitAtCommasOutsideNamesAndQuotes() throws {
    let list = try MailAddress.list(parsing: "Núñez, S.L. <info@nunez.es>, \"Gil, Marta\" <m@x.es>; it@acme.com")
    #expect(list.map(\.address) == ["info@nunez.es", "m@x.es", "it@acme.com"])
    #expect(list.map(\.name) == ["Núñez, S.L.", "Gil, Marta", nil])
    #expect(try MailAddress.list(parsing: " , ").isEmpty)
  }

  @Test(arguments: [
    "ana", "ana@", "@consult.es", "ana@.consult", "ana@consult.", "ana@con..sult", "ana@-consult.es",
    "ana @consult.es", "a@b.es\r\nBcc: x@evil.com", "a@b.es>", "Ana <ana@consult.es", "a,b@c.es",
    "a@b_c.es", "a@b.es\u{7F}",
  ])
  func refusesWhatIsNoAddress(text: String) {
    #expect(throws: MailError.self) { try MailAddress.list(parsing: text) }
  }

  @Test func headerValuesQuoteOrEncodeNames() throws {
    #expect(try MailAddress(name: "Ana Ruiz", address: "a@b.es").headerValue == "Ana Ruiz <a@b.es>")
    #expect(try MailAddress(name: "Ruiz, Ana", address: "a@b.es").headerValue == "\"Ruiz, Ana\" <a@b.es>")
    #expect(try MailAddress(name: "Núñez", address: "a@b.es").headerValue == "=?UTF-8?B?TsO6w7Fleg==?= <a@b.es>")
    #expect(
      try MailAddress(name: "Evil\r\nBcc: x@y.com", address: "a@b.es").headerValue
        == "\"Evil Bcc: x@y.com\" <a@b.es>")
  }
}
