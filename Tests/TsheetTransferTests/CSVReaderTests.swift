import Foundation
import Testing

@testable import TsheetTransfer

@Suite struct CSVReaderTests {
  func records(_ text: String, separator: UInt8? = nil) throws -> [[String]] {
    var reader = CSVReader(text: text)
    if separator == nil { try reader.detectSeparator() }
    var result: [[String]] = []
    while let record = try reader.next() { result.append(record.fields) }
    return result
  }

  @Test func readsRFC4180() throws {
    #expect(
      try records("a,b,c\r\n1,\"two, three\",\"say \"\"hi\"\"\"\r\n") == [
        ["a", "b", "c"], ["1", "two, three", "say \"hi\""],
      ])
    #expect(try records("a,b\n\"line 1\nline 2\",x\n") == [["a", "b"], ["line 1\nline 2", "x"]])
    #expect(try records("\u{FEFF}a,b\r\n1,2\n3,4\r\n\r\n") == [["a", "b"], ["1", "2"], ["3", "4"]])
    #expect(try records("a;b\n1,5;2\n") == [["a", "b"], ["1,5", "2"]])
    #expect(try records("a,b\n1,") == [["a", "b"], ["1", ""]])
    #expect(try records("a,b\n,\n") == [["a", "b"], ["", ""]])
  }

  @Test func errorsNameTheLine() {
    #expect(throws: CSVError.unclosedQuote(line: 2)) { try records("a,b\n\"open,1\nmore\n") }
    #expect(throws: CSVError.strayQuote(line: 3)) { try records("a,b\n1,2\nx\"y,3\n") }
    #expect(throws: CSVError.textAfterQuote(line: 2)) { try records("a,b\n\"q\"x,2\n") }
  }

  @Test func streamsAcrossChunkBoundaries() throws {
    let row = "2026-11-20,acme,\"Fixed, \"\"SSO\"\"\nlogin\",90\r\n"
    let text = "date,client,title,minutes\r\n" + String(repeating: row, count: 60_000)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tsheet-csv-\(UUID()).csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    var reader = CSVReader(handle: FileHandle(forReadingAtPath: path)!)
    var count = 0
    var last: CSVReader.Record?
    while let record = try reader.next() {
      #expect(count == 0 || record.fields == ["2026-11-20", "acme", "Fixed, \"SSO\"\nlogin", "90"])
      count += 1
      last = record
    }
    #expect(text.utf8.count > 2 << 20, "several chunks of 1 MiB")
    #expect(count == 60_001)
    #expect(last?.line == 2 + 2 * 59_999)
  }
}
