import PropertyBased
import Testing
import TsheetServe
import TsheetServeOptions
import TsheetTestSupport

/// The server's own parsers, fed hostile text: a form's fields, a request target's host, a `--bind` address.
@Suite struct ServeParserTests {
  @Test func aFormsFieldsReadBackAsTheyWereEncodedWhateverTheyHold() async {
    let texts = HostileText.strings().array(of: 0...4)
    await propertyCheck(count: 500, input: texts, texts) { names, values in
      let pairs = Array(zip(names, values))
      let body = pairs.map { "\($0.0.percentEncoded)=\($0.1.percentEncoded)" }.joined(separator: "&")
      let read = FormFields(body).pairs
      #expect(read.map(\.name) == pairs.map(\.0) && read.map(\.value) == pairs.map(\.1), "\(body)")
    }
  }

  @Test func anyBodyReadsAsFieldsWithoutAFault() async {
    await propertyCheck(count: 1000, input: HostileText.strings(of: 0...16)) { body in
      _ = FormFields(body).pairs
    }
  }

  @Test func theHostOfAWholeURITargetHoldsNoPathQueryOrUser() async {
    let scheme = Gen.element(of: ["http://", "https://", "", "//"]).map { $0! }
    await propertyCheck(count: 1000, input: scheme, HostileText.strings()) { scheme, rest in
      let authority = AbsoluteFormHost.authority(of: scheme + rest)
      #expect(!authority.contains { "/?#@".contains($0) }, "\(authority)")
      if !(scheme + rest).contains("://") { #expect(authority == "") }
    }
  }

  @Test func bindTakesTheHostsOf127Slash8AndIPv6LoopbackOnly() async {
    await propertyCheck(count: 2000, input: Gen.int(in: 0...300).array(of: 4...4)) { numbers in
      let address = numbers.map(String.init).joined(separator: ".")
      let host = numbers.dropFirst()
      let expected =
        numbers.allSatisfy { $0 <= 255 } && numbers[0] == 127 && host != [0, 0, 0] && host != [255, 255, 255]
      #expect(ServeOptions.isLoopback(address) == expected, "\(address)")
    }
    for address in ["::1", "127.0.0.1", "127.1.2.3"] { #expect(ServeOptions.isLoopback(address)) }
    for address in ["", "::", "::2", "[::1]", "127.0.0.1 ", "127.0.0.01", "127.0.0", "127.0.0.1.1", "127.0.0.+1"] {
      #expect(!ServeOptions.isLoopback(address), "\(address)")
    }
  }
}
