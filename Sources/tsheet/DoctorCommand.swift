import ArgumentParser
import TsheetCore
import TsheetKit

struct DoctorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Check the log: what you can do on it, and what to fix.",
    discussion: """
      One line per check: whether the log is private to you, can be read, written and brought up to date, and \
      is whole; on a team's server also connecting, TLS, the round trip, the server's version and who owns the \
      tables. Nothing is changed. The exit status is 0 when nothing failed (warnings included), else the first \
      failure's.

      Examples:
        tsheet doctor
        tsheet doctor --db postgres://ana@db.example/tsheet?sslmode=verify-full
      """)

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let checks = try Doctor(global.context()).examine()
    let width = checks.map(\.topic.count).max() ?? 0
    for check in checks {
      let topic = check.topic + String(repeating: " ", count: width - check.topic.count)
      try write("\(Self.word(for: check.verdict))  \(topic)  \(check.finding)\n")
    }
    for check in checks {
      if case .failed(let status) = check.verdict { throw ExitCode(status.rawValue) }
    }
  }

  private static func word(for verdict: Checkup.Verdict) -> String {
    switch verdict {
    case .ok: "ok  "
    case .warning: "warn"
    case .failed: "FAIL"
    }
  }
}
