import Foundation
import Testing
import TsheetCore
import TsheetTransfer

@testable import TsheetKit

@Suite struct OutputTests {
  let entries = [
    Entry(
      id: 12, client: "acme", title: "Weekly sync", description: "", day: CalendarDay(iso: "2026-11-20")!,
      minutes: 45, person: "ana"),
    Entry(
      id: 3, client: "Cafés Núñez", title: "Instalación, \"TPV\"", description: "línea 1\nlínea 2",
      day: CalendarDay(iso: "2026-11-19")!, minutes: 90, person: "ana"),
  ]

  @Test func tableGroupsByDayWithTotals() {
    let table = EntryTable(hoursFormat: .clock, usesColor: false).render(entries)
    #expect(
      table == """
        Fri 2026-11-20                           0:45
          #12  acme         Weekly sync          0:45

        Thu 2026-11-19                           1:30
          #3   Cafés Núñez  Instalación, "TPV"   1:30
                            línea 1

        Total, 2 entries                         2:15

        """)
  }

  @Test func colorMarksDayLinesBoldAndNotesDim() {
    let lines = EntryTable(hoursFormat: .clock, usesColor: true).render(entries).split(separator: "\n")
    #expect(lines[0] == "\u{1B}[1mFri 2026-11-20                           0:45\u{1B}[0m")
    #expect(lines[4] == "\u{1B}[2m                    línea 1\u{1B}[0m")
    #expect(lines[5] == "\u{1B}[1mTotal, 2 entries                         2:15\u{1B}[0m")
  }

  @Test func csvQuotesAsRFC4180Asks() {
    let csv = EntryCSV.header + entries.map(EntryCSV.row).joined()
    #expect(
      csv == "id,date,client,title,description,minutes,hours,person\r\n"
        + "12,2026-11-20,acme,Weekly sync,,45,0.75,ana\r\n"
        + "3,2026-11-19,Cafés Núñez,\"Instalación, \"\"TPV\"\"\",\"línea 1\nlínea 2\",90,1.50,ana\r\n")
  }

  @Test func jsonKeepsTheDocumentedKeysAndParsesBack() throws {
    let json = EntryJSON.array(entries)
    #expect(
      json.split(separator: "\n")[1]
        == #"  {"id":12,"date":"2026-11-20","client":"acme","title":"Weekly sync","description":"","minutes":45,"hours":0.75,"person":"ana"},"#
    )
    let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
    #expect(parsed?[1]["description"] as? String == "línea 1\nlínea 2")
    #expect(parsed?[1]["title"] as? String == "Instalación, \"TPV\"")
    #expect(JSONText.string("a\u{1}b\t") == #""a\u0001b\t""#)
  }
}
