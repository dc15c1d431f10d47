import Foundation
import Testing
import TsheetCore

@testable import TsheetTransfer

@Suite struct EntryWriterTests {
  let entries = [
    Entry(
      id: 1, client: "=cmd|' /C calc'!A0", title: "+SUM(1)", description: "-2\nline",
      day: CalendarDay(iso: "2026-11-20")!,
      minutes: 90, person: "ana"),
    Entry(
      id: 2, client: "acme", title: "@risk", description: "ok", day: CalendarDay(iso: "2026-11-21")!, minutes: 45,
      person: "ana"),
  ]

  func written(_ format: EntryWriter.Format, _ style: CSVStyle = .plain) throws -> [UInt8] {
    var bytes: [UInt8] = []
    var writer = EntryWriter(format: format, style: style) { bytes += $0 }
    for entry in entries { try writer.write(entry) }
    try writer.finish()
    return bytes
  }

  @Test func excelInSpanishHasABOMSemicolonsDecimalCommasAndNoFormulas() throws {
    let bytes = try written(.csv, .spreadsheet(.es))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(
      String(decoding: bytes.dropFirst(3), as: UTF8.self) == "id;date;client;title;description;minutes;hours;person\r\n"
        + "1;2026-11-20;'=cmd|' /C calc'!A0;'+SUM(1);\"'-2\nline\";90;\"1,50\";ana\r\n"
        + "2;2026-11-21;acme;'@risk;ok;45;\"0,75\";ana\r\n")
  }

  @Test func plainCSVIsRFC4180() throws {
    #expect(
      String(decoding: try written(.csv), as: UTF8.self) == "id,date,client,title,description,minutes,hours,person\r\n"
        + "1,2026-11-20,=cmd|' /C calc'!A0,+SUM(1),\"-2\nline\",90,1.50,ana\r\n"
        + "2,2026-11-21,acme,@risk,ok,45,0.75,ana\r\n")
  }

  @Test func jsonAndNDJSONParseBack() throws {
    let array = try JSONSerialization.jsonObject(with: Data(try written(.json))) as? [[String: Any]]
    #expect(array?.map { $0["id"] as? Int } == [1, 2])
    #expect(array?.first?["hours"] as? Double == 1.5)
    let lines = String(decoding: try written(.ndjson), as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
  }
}
