import Foundation
import PropertyBased
import Testing
import TsheetCore
import TsheetTestSupport

@testable import TsheetTransfer

/// The classes of defects an import's bytes have shown, as properties: a reader that streams must read what a
/// reader in memory reads, whatever the chunks and wherever the last line break is (or is not); bytes that are not
/// text are refused where they are, and text in any encoding comes back whole; tsheet's `--excel` cells come back
/// as they were logged.
@Suite struct ImportBytesTests {
  /// Every record of `reader`, or the error that stopped it, as text that two readers can be compared by.
  static func outcome(_ reader: CSVReader) -> [String] {
    var reader = reader
    var lines: [String] = []
    do {
      try reader.detectSeparator()
      while let record = try reader.next() { lines.append("\(record.line): \(record.fields)") }
    } catch {
      lines.append("\(error.line): \(error)")
    }
    return lines
  }

  /// A CSV of hostile fields, some quoted, with any line ends; `text` ends with a line break or not.
  static let csv = Gen.oneOf(
    HostileText.strings(of: 0...3).map { "\"" + $0.replacing("\"", with: "\"\"") + "\"" },
    HostileText.strings(of: 0...3)
  )
  .array(of: 1...4).map { $0.joined(separator: ",") }
  .array(of: 1...6).map { $0.joined(separator: "\r\n") }

  @Test func aStreamedReadEqualsAReadInMemoryWhateverTheChunks() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tsheet-stream-\(UUID()).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    await propertyCheck(count: 400, input: Self.csv, Gen.int(in: 1...48), Gen.int(in: 0...64), Gen.bool) {
      text, chunkSize, split, lastBreak in
      let bytes = Data((text + (lastBreak ? "\n" : "")).utf8)
      FileManager.default.createFile(atPath: path, contents: bytes)
      guard let handle = FileHandle(forReadingAtPath: path) else {
        Issue.record("no file")
        return
      }
      defer { try? handle.close() }
      // The first bytes read before (to tell the format), the rest from the handle in small chunks.
      let prefix = bytes.prefix(split)
      try? handle.seek(toOffset: UInt64(prefix.count))
      let streamed = Self.outcome(CSVReader(handle: handle, prefix: prefix, chunkSize: chunkSize))
      #expect(streamed == Self.outcome(CSVReader(data: bytes)), "\(bytes.count) bytes, chunks of \(chunkSize)")
    }
  }

  @Test func bytesThatAreNotUTF8AreRefusedWhereTheyAre() async {
    let bytes = Gen.oneOf(
      Gen.uint8(in: 0x20...0x7E), Gen.uint8(in: 0x80...0xFF), Gen.element(of: [10, 44, 34]).map { $0! }
    )
    .array(of: 0...40)
    await propertyCheck(count: 2000, input: bytes) { bytes in
      let data = Data("a,b\n".utf8 + bytes)
      var reader = CSVReader(data: data)
      do throws(CSVError) {
        while try reader.next() != nil {}
        #expect(String(validating: data, as: UTF8.self) != nil, "read \(bytes)")
      } catch .notText(_, let offset, let byte, _) {
        #expect(data[offset] == byte)
        #expect(
          String(validating: data.prefix(offset), as: UTF8.self) != nil
            || data.prefix(offset).contains(34), "a valid prefix before the refused byte")
        #expect(String(validating: data.prefix(offset + 4), as: UTF8.self) == nil)
      } catch {
        #expect(data.contains(34), "only quotes make other errors: \(error)")
      }
    }
  }

  @Test(arguments: [TextEncoding.windows1252, .latin1])
  func textInASingleByteEncodingComesBackWhole(encoding: TextEncoding) async {
    // Any byte but the quote, and but the five that Windows-1252 leaves out.
    let byte = Gen.uint8(in: 0x20...0xFF).map { $0 == 34 || encoding.text([$0][...]) == nil ? UInt8(ascii: "x") : $0 }
    await propertyCheck(count: 500, input: byte.array(of: 0...20)) { bytes in
      let title = "T" + bytes.map { encoding.text([$0][...]) ?? "" }.joined()
      var reader = CSVReader(data: Data("date,client,title,minutes\n2026-11-20,acme,\"T".utf8 + bytes + "\",30\n".utf8))
      reader.encoding = encoding
      do {
        var source = try CSVImport(reader: reader, requested: .auto)
        var titles: [String] = []
        try source.forEachRow { titles.append($0.title) }
        #expect(titles == [title.trimmed])
      } catch {
        Issue.record("\(error)")
      }
    }
  }

  @Test func anExcelCellComesBackAsItWasLogged() async {
    let text = Gen.oneOf(
      HostileText.strings(of: 0...6),
      Gen.element(of: ["'", "=", "+", "-", "@", "\t", "\r", "x"]).map { $0! }.array(of: 0...6)
        .map { $0.joined() })
    await propertyCheck(count: 2000, input: text) { cell in
      #expect(CSVStyle.typed(CSVStyle.inert(cell)) == cell)
      let inert = CSVStyle.inert(cell)
      #expect(!"=+-@\t\r".unicodeScalars.contains { inert.unicodeScalars.first == $0 }, "a formula: \(inert)")
    }
  }

  @Test(arguments: ["0", "-7", "1.5", "x", "", " 12 ", "9223372036854775807", "9223372036854775808", "+3", "0x1F"])
  func csvAndJSONKeepTheSameIds(id: String) throws {
    func csv() throws -> Int64? {
      var source = try CSVImport(
        reader: CSVReader(text: "id,date,client,title,minutes\n\(id),2026-11-20,acme,x,30\n"),
        requested: .auto)
      var ids: [Int64?] = []
      try source.forEachRow { ids.append($0.id) }
      return ids[0]
    }
    func json() throws -> Int64? {
      var ids: [Int64?] = []
      let source = try JSONImport(
        data: Data(
          """
          [{"id":"\(id)","date":"2026-11-20","client":"acme","title":"x","minutes":30}]
          """.utf8), requested: .auto)
      try source.forEachRow { ids.append($0.id) }
      return ids[0]
    }
    #expect((try? csv()) == (try? json()), "id '\(id)'")
    #expect(((try? csv()) ?? nil).map { $0 > 0 } ?? true)
  }
}
