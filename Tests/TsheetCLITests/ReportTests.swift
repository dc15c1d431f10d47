import Foundation
import Testing

@Suite struct ReportTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox(today: "2026-11-23")
    for (title, duration, client, date) in [
      ("Fixed SSO login", "1h30m", "acme", "2026-11-16"), ("Weekly sync", "50m", "acme", "2026-11-18"),
      ("Weekly sync", "10m", "acme", "2026-11-18"), ("Backup test", "2h", "Globex", "2026-11-20"),
      ("Old work", "1h", "acme", "2026-10-30"),
    ] { _ = try sandbox.succeed(["log", title, duration, "-c", client, "--date", date]) }
  }

  @Test func jsonIsTheDocumentedContract() throws {
    let json = try sandbox.succeed(["report", "--by", "week", "--month", "2026-11", "--format", "json"])
    #expect(
      json == """
        {
          "columns": ["2026-W44","2026-W45","2026-W46","2026-W47","2026-W48","2026-W49"],
          "rows": [
            {"client":"acme","minutes":{"2026-W44":0,"2026-W45":0,"2026-W46":0,"2026-W47":150,"2026-W48":0,"2026-W49":0},"total":150},
            {"client":"Globex","minutes":{"2026-W44":0,"2026-W45":0,"2026-W46":0,"2026-W47":120,"2026-W48":0,"2026-W49":0},"total":120}
          ],
          "totals": {"2026-W44":0,"2026-W45":0,"2026-W46":0,"2026-W47":270,"2026-W48":0,"2026-W49":0},
          "total": 270
        }

        """)
    let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect(parsed?["total"] as? Int == 270)
  }

  @Test func tableShowsBarsAndRoundingAndContracts() throws {
    _ = try sandbox.succeed(["clients", "set", "acme", "--rounding", "15m", "--monthly-hours", "3"])
    #expect(
      try sandbox.succeed(["report", "--by", "month", "--rows", "client", "--year", "2026"]) == """
        2026-01    0:00
        2026-02    0:00
        2026-03    0:00
        2026-04    0:00
        2026-05    0:00
        2026-06    0:00
        2026-07    0:00
        2026-08    0:00
        2026-09    0:00
        2026-10    1:00  █████
          acme     1:00  ████████▋
        2026-11    4:45  ████████████████████████
          acme     2:45  ████████████████████████
          Globex   2:00  █████████████████▍
        2026-12    0:00

        Total      5:45  ████████████████████████
          acme     3:45  ████████████████████████
          Globex   2:00  ████████████▊

        acme: each entry rounded up to 15m.
        acme: 3:00 a month contracted; 2026-11 used 2:45, 0:15 left.

        """)
  }

  @Test func csvAndMarkdownCarryTheSamePivot() throws {
    #expect(
      try sandbox.succeed(["report", "--by", "none", "--rows", "client,title", "--format", "csv"]) == """
        client,title,total\r
        acme,Fixed SSO login,1.50\r
        acme,Old work,1.00\r
        acme,Weekly sync,1.00\r
        Globex,Backup test,2.00\r
        Total,,5.50\r

        """)
    #expect(
      try sandbox.succeed(["report", "--by", "year", "--format", "md", "-c", "globex"]) == """
        | client | 2026 | total |
        | --- | ---: | ---: |
        | Globex | 2:00 | 2:00 |
        | **Total** | 2:00 | **2:00** |

        """)
  }

  @Test func weekIsTheLastFullWeekByDefault() throws {
    _ = try sandbox.succeed(["clients", "set", "acme", "--rounding", "15m", "--monthly-hours", "2"])
    #expect(
      try sandbox.succeed(["week", "-c", "ACME", "--format", "table"]) == """
        acme · week 2026-W47 · Mon 2026-11-16 – Sun 2026-11-22

        Mon 2026-11-16               1:30
          Fixed SSO login            1:30
        Tue 2026-11-17                  -
        Wed 2026-11-18               1:15
          Weekly sync                1:00
          Weekly sync                0:15
        Thu 2026-11-19                  -
        Fri 2026-11-20                  -
        Sat 2026-11-21                  -
        Sun 2026-11-22                  -

        Week total                   2:45
        Month to date (2026-11)      2:45
        Year to date (2026)          3:45
        Warning: acme: 2:00 a month contracted; 2026-11 used 2:45, over by 0:45.
        Each entry rounded up to 15m.

        """)
    let all = try sandbox.succeed(["week", "--format", "table"])
    #expect(all.contains("acme · week 2026-W47"))
    #expect(all.contains("Globex · week 2026-W47"))
    #expect(try sandbox.succeed(["week", "--week", "this"]) == "No hours that week.\n")
  }

  @Test func refusesBadRanges() throws {
    try sandbox.refuse(
      ["report", "--week", "last", "--month", "this"], status: 64,
      error: "give one of --week, --month and --year (add --from/--to to narrow it).")
    try sandbox.refuse(
      ["report", "--by", "fortnight"], status: 64,
      error: "The value 'fortnight' is invalid for '--by <period>'. Please provide one of 'day', 'week', "
        + "'month', 'year' or 'none'. (see 'tsheet report --help')")
    try sandbox.refuse(
      ["week", "-c", "initech"], status: 66,
      error: "there is no client 'initech'; see them with 'tsheet clients'.")
  }
}
