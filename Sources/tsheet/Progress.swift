import Foundation

/// Rows done and the rate, on standard error, for long imports and exports on a terminal; silent in a pipe or
/// with `--quiet`.
struct Progress {
  let enabled: Bool
  let verb: String
  private let start = ContinuousClock.now

  init(verb: String, quiet: Bool) {
    self.verb = verb
    enabled = !quiet && isatty(STDERR_FILENO) == 1
  }

  func report(_ rows: Int) {
    guard enabled else { return }
    let elapsed = (ContinuousClock.now - start).components
    let seconds = max(0.001, Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    writeError("\r\(verb) \(rows) rows, \(Int(Double(rows) / seconds)) rows/s")
  }

  func finish() {
    if enabled { writeError("\n") }
  }
}
