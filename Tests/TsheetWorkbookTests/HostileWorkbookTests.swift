import Foundation
import PropertyBased
import Testing
import TsheetCore
import TsheetTestSupport

@testable import TsheetWorkbook

/// Whatever an entry's text holds (as the log admits it), the workbook's cell reads back as the same text, as
/// text, in openpyxl, an independent reader: no formula, no broken XML, no cell cut short.
@Suite(
  .enabled(if: ProcessInfo.processInfo.environment["CI"] != nil || hasOpenpyxl(), "needs openpyxl; CI installs it"))
struct HostileWorkbookTests {
  @Test func anyTextTheLogAdmitsReadsBackAsTheSameText() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsheet-xlsx-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    await propertyCheck(count: 4, input: HostileText.strings(of: 0...12).array(of: 150...150)) { texts in
      let entries = texts.enumerated().compactMap { index, text -> Entry? in
        guard let title = try? EntryField.title(text), let description = try? EntryField.description(text)
        else { return nil }
        return Entry(
          id: Int64(index + 1), client: (try? EntryField.client(text)) ?? "acme", title: title,
          description: description, day: CalendarDay(iso: "2026-11-20")!, minutes: Minutes(30), person: "ana")
      }
      let path = folder + "/hostile-\(UUID().uuidString).xlsx"
      var writer = try! WorkbookWriter(path: path, temporaryFolder: folder, language: .en)
      try! writer.beginEntries(count: entries.count)
      for entry in entries { try! writer.add(entry, billed: entry.minutes) }
      try! writer.close()
      // openpyxl hands inline text over as written; Excel and LibreOffice decode `_xHHHH_` in it, as the
      // standard says (ECMA-376 ST_Xstring), from the left: so does this reader.
      let script = """
        import json, re, sys, openpyxl
        decode = lambda text: re.sub("_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)
        ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
        print(json.dumps([[c.data_type, decode(c.value or "")] for row in ws.iter_rows(min_row=2, min_col=6, max_col=8)
                          for c in row]))
        """
      let cells =
        (try? JSONSerialization.jsonObject(with: Data(try! runPython(script, [path]).utf8))) as? [[String]] ?? []
      #expect(cells.count == entries.count * 3)
      for (index, entry) in entries.enumerated() {
        let read = cells.dropFirst(index * 3).prefix(3).map { $0 }
        #expect(read.map { $0.first } == ["s", "s", entry.description.isEmpty ? "n" : "s"], "\(entry)")
        // XML reads a carriage return as a line break, as every spreadsheet shows it.
        #expect(
          read.map { $0.last }
            == [entry.client, entry.title, entry.description]
            .map(xmlLineBreaks),
          "\(entry)")
      }
    }
  }
}

/// The text as an XML reader gives it back: CR LF and a lone CR become LF. Done on scalars, since Foundation's
/// `replacingOccurrences` misses a CR followed by a combining mark.
private func xmlLineBreaks(_ text: String) -> String {
  var scalars = String.UnicodeScalarView()
  var afterCR = false
  for scalar in text.unicodeScalars {
    if scalar == "\n" && afterCR {
      afterCR = false
      continue
    }
    afterCR = scalar == "\r"
    scalars.append(afterCR ? "\n" : scalar)
  }
  return String(scalars)
}

/// Whether python3 can import openpyxl.
private func hasOpenpyxl() -> Bool {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", "import openpyxl"]
  process.standardError = FileHandle.nullDevice
  guard (try? process.run()) != nil else { return false }
  process.waitUntilExit()
  return process.terminationStatus == 0
}
