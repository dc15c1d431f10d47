/// One thing `tsheet doctor` looked at on the log: what it found, and what to do when it is not as it should be.
package struct Checkup: Sendable, Equatable {
  package enum Verdict: Sendable, Equatable {
    case ok
    /// Works, but should be fixed (a file others can read, TLS unchecked, a slow server).
    case warning
    /// Stops tsheet doing its work; the run ends with `status`.
    case failed(ExitStatus)
  }

  /// What was looked at: "read", "write", "TLS"…
  package var topic: String
  package var verdict: Verdict
  /// What was found, and for a warning or failure, what to do: one line.
  package var finding: String

  package static func ok(_ topic: String, _ finding: String) -> Checkup {
    Checkup(topic: topic, verdict: .ok, finding: finding)
  }
  package static func warning(_ topic: String, _ finding: String) -> Checkup {
    Checkup(topic: topic, verdict: .warning, finding: finding)
  }
  package static func failed(_ topic: String, _ finding: String, _ status: ExitStatus) -> Checkup {
    Checkup(topic: topic, verdict: .failed(status), finding: finding)
  }
}
