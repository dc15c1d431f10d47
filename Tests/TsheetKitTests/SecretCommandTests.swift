import Foundation
import Testing

@testable import TsheetKit

/// The command that prints a password or a token ends within its deadline whatever it does, and leaves
/// nothing running behind it.
@Suite struct SecretCommandTests {
  /// What `command` gives within `timeout` seconds, and how long it took.
  static func run(_ command: String, timeout: TimeInterval = 3) -> (Result<String, SecretCommand.Failure>, TimeInterval)
  {
    let started = Date()
    let result = Result { () throws(SecretCommand.Failure) in
      try SecretCommand(command: command, timeout: timeout).firstLine()
    }
    return (result, Date().timeIntervalSince(started))
  }

  @Test func theFirstLineIsTheSecret() {
    let (result, _) = Self.run("printf 'tok en\\nsecond\\n'")
    #expect((try? result.get()) == "tok en")
  }

  /// A command that printed its line is done with: what it runs on is killed, its line taken.
  @Test(arguments: [
    ("echo token; sleep 30 &", "token"), ("echo token; sleep 30", "token"), ("yes", "y"),
    ("echo token; (trap '' TERM; sleep 30) &", "token"),
  ])
  func aCommandThatGoesOnRunningGivesItsLine(command: String, line: String) {
    let (result, seconds) = Self.run(command)
    #expect((try? result.get()) == line)
    #expect(seconds < 3.5, "\(command) took \(seconds) s")
  }

  @Test(arguments: [
    ("sleep 30", SecretCommand.Failure.timedOut), ("exec >&-; sleep 30", .timedOut), ("exit 3", .status(3)),
    ("true", .empty), ("kill -9 $$", .status(137)),
  ])
  func aCommandThatGivesNothingEndsWithinTheDeadline(command: String, failure: SecretCommand.Failure) {
    let (result, seconds) = Self.run(command, timeout: 2)
    #expect(throws: failure) { try result.get() }
    #expect(seconds < 3, "\(command) took \(seconds) s")
  }

  @Test func nothingItStartedOutlivesIt() throws {
    let marker = "sleep \(Int.random(in: 7_000_000...7_999_999))"  // a length no other process sleeps
    _ = Self.run("echo token; \(marker) & \(marker)")
    Thread.sleep(forTimeInterval: 0.3)
    let check = Process()
    check.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
    check.arguments = ["-f", marker]
    check.standardOutput = FileHandle.nullDevice
    try check.run()
    check.waitUntilExit()
    #expect(check.terminationStatus == 1, "a process the command started still runs")
  }
}
