import PropertyBased
import Testing
import TsheetCore

private let clients = ["acme", "Globex", "Cafés Núñez"]

/// Random cells: a client, a day within 2019–2029, and one entry's minutes.
private let cells = zip(Gen.int(in: 0...2), Gen.int(in: 17_897...21_914), Gen.int(in: 1...1440))
  .map { client, day, minutes in
    PivotCell(row: PivotRowKey(client: clients[client]), day: CalendarDay(dayNumber: day), minutes: Minutes(minutes))
  }
  .array(of: 0...60)

@Suite struct PivotTests {
  @Test func grandTotalIsThePlainSum() async {
    await propertyCheck(input: cells) { cells in
      let plain = cells.map(\.minutes).sum()
      for period in Period.allCases + [nil] as [Period?] {
        let pivot = Pivot(cells: cells, period: period, range: nil)
        #expect(pivot.total == plain)
        #expect(pivot.rows.map(pivot.total(ofRow:)).sum() == plain)
        #expect(pivot.columns.map(pivot.total(ofColumn:)).sum() == (period == nil ? .zero : plain))
      }
    }
  }

  @Test func dayWeekMonthAndYearPivotsAgree() async {
    await propertyCheck(input: cells, Gen.int(in: 0...6)) { cells, start in
      let weekStart = Weekday(rawValue: start + 1)!
      let pivots = Period.allCases.map { Pivot(cells: cells, period: $0, range: nil, weekStart: weekStart) }
      for row in pivots[0].rows {
        let totals = pivots.map { $0.total(ofRow: row) }
        #expect(Set(totals).count == 1)
      }
      // Each month's column equals the sum of its days' columns.
      let days = pivots[0]
      let months = pivots[2]
      for month in months.columns {
        let sum = days.columns.filter { $0.hasPrefix(month) }.map(days.total(ofColumn:)).sum()
        #expect(sum == months.total(ofColumn: month))
      }
    }
  }

  @Test func emptyPeriodsInsideTheRangeAreColumns() {
    let range = DayRange(first: CalendarDay(iso: "2026-11-16")!, last: CalendarDay(iso: "2026-11-22")!)
    let cell = PivotCell(row: PivotRowKey(client: "acme"), day: CalendarDay(iso: "2026-11-18")!, minutes: 90)
    let pivot = Pivot(cells: [cell], period: .day, range: range)
    #expect(pivot.columns.count == 7)
    #expect(pivot.minutes(row: cell.row, column: "2026-11-16") == .zero)
    #expect(pivot.minutes(row: cell.row, column: "2026-11-18") == 90)
    #expect(pivot.total(ofColumn: "2026-11-18") == 90)
  }

  @Test func rowsSortByClientThenTitleWithoutRegardToCase() {
    let day = CalendarDay(iso: "2026-11-18")!
    let cells = [("globex", "b"), ("Acme", "z"), ("acme", "A")].map {
      PivotCell(row: PivotRowKey(client: $0.0, title: $0.1), day: day, minutes: 10)
    }
    #expect(Pivot(cells: cells, period: nil, range: nil).rows.map(\.title) == ["A", "z", "b"])
  }
}
