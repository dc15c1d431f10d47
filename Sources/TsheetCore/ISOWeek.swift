/// An ISO 8601 week, `2026-W47`: weeks start on Monday and belong to the year that holds their Thursday.
///
/// Note: the week's year can differ from the year of some of its days: 2026-12-31 is in 2026-W53,
/// and 2024-12-30 is in 2025-W01.
package struct ISOWeek: Hashable, Comparable, Sendable {
    package let year: Int
    package let week: Int

    /// The ISO week that holds `day`.
    package init(containing day: CalendarDay) {
        let thursday = day.adding(days: 4 - day.weekday.rawValue)
        year = thursday.year
        week = (thursday.dayNumber - thursday.firstOfYear.dayNumber) / 7 + 1
    }

    /// Reads `2026-W47` (or `2026-w47`), or returns nil when the year has no such week.
    package init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        func number(_ digits: ArraySlice<UInt8>) -> Int? {
            guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        guard (7...8).contains(bytes.count), bytes[4] == UInt8(ascii: "-"), bytes[5] | 0x20 == UInt8(ascii: "w"),
              let year = number(bytes[0..<4]), let week = number(bytes[6...]), (1...9998).contains(year),
              (1...ISOWeek.weeks(in: year)).contains(week) else { return nil }
        self.year = year
        self.week = week
    }

    /// 52 or 53: a year has 53 ISO weeks when its 28 December falls in week 53.
    package static func weeks(in year: Int) -> Int {
        ISOWeek(containing: CalendarDay.januaryFirst(of: year + 1).adding(days: -4)).week // 28 December
    }

    /// The week's Monday.
    package var monday: CalendarDay {
        let fourthOfJanuary = CalendarDay.januaryFirst(of: year).adding(days: 3)
        return fourthOfJanuary.adding(days: 1 - fourthOfJanuary.weekday.rawValue + (week - 1) * 7)
    }

    package static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }
}

extension ISOWeek: CustomStringConvertible {
    /// `2026-W47`.
    package var description: String {
        let year = String(self.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-W" + (week < 10 ? "0" : "") + String(week)
    }
}
