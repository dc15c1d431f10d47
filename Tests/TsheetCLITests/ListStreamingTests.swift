import Foundation
import Testing

/// `list --limit 0` reads the log a page at a time: across pages (5,000 entries each, the last of one page and
/// the first of the next on the same day) it lists every entry once, newest day first and newest logged first.
@Suite struct ListStreamingTests {
  let sandbox: Sandbox
  static let count = 11_003

  init() throws {
    sandbox = try Sandbox()
    // Ids in an order unlike the days': the listing must sort, not follow the ids.
    let lines = (1...Self.count).map { id in
      "{\"id\":\(id),\"date\":\"2026-11-\(16 + id % 3)\",\"client\":\"acme\",\"title\":\"Task \(id)\",\"minutes\":\(1 + id % 90)}"
    }
    let path = sandbox.folder + "/many.ndjson"
    try sandbox.write(lines.joined(separator: "\n") + "\n", to: path)
    _ = try sandbox.succeed(["import", path])
  }

  func ids(_ arguments: [String]) throws -> [Int] {
    let json = try sandbox.succeed(["list", "--format", "json"] + arguments)
    let objects = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
    return objects.compactMap { $0["id"] as? Int }
  }

  @Test func everyEntryOnceInListingOrder() throws {
    let expected = (1...Self.count).sorted { (16 + $0 % 3, $0) > (16 + $1 % 3, $1) }
    #expect(try ids(["--limit", "0"]) == expected)
    #expect(try ids(["--limit", "5001"]) == Array(expected.prefix(5001)))
    #expect(try ids(["--limit", "10000"]) == Array(expected.prefix(10000)))
  }

  @Test func theTableAndTheCSVCountThemAll() throws {
    let table = try sandbox.succeed(["list", "--limit", "0"])
    let total = (1...Self.count).map { 1 + $0 % 90 }.reduce(0, +)
    #expect(table.contains("Total, \(Self.count) entries"))
    #expect(table.hasSuffix("\(total / 60):\(String(format: "%02d", total % 60))\n"))
    #expect(table.split(separator: "\n").filter { $0.hasPrefix("  #") }.count == Self.count)
    let csv = try sandbox.succeed(["list", "--limit", "0", "--format", "csv"])
    #expect(csv.split(separator: "\r\n").count == Self.count + 1)
  }
}
