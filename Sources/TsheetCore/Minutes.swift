/// A whole number of minutes: the unit every entry is logged, stored and summed in.
package struct Minutes: Hashable, Comparable, Sendable, ExpressibleByIntegerLiteral {
  /// The number of minutes; may be zero or large for sums, never for a single entry.
  package var value: Int

  package init(_ value: Int) { self.value = value }
  package init(integerLiteral value: Int) { self.value = value }

  /// The longest single entry: one day.
  package static let maximumEntry = Minutes(24 * 60)

  package static func < (lhs: Minutes, rhs: Minutes) -> Bool { lhs.value < rhs.value }
  package static func + (lhs: Minutes, rhs: Minutes) -> Minutes { Minutes(lhs.value + rhs.value) }
  package static func += (lhs: inout Minutes, rhs: Minutes) { lhs.value += rhs.value }
  package static var zero: Minutes { 0 }
}

extension Sequence where Element == Minutes {
  /// The sum of all these durations.
  package func sum() -> Minutes { reduce(.zero, +) }
}
