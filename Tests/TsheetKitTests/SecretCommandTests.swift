import Foundation
import Testing

@testable import TsheetKit

/// The command that prints a password or a token ends within its deadline whatever it does.
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

  @Test(arguments: [
    "yes", "yes | head -c 100000000", "sleep 30", "exec >&-; sleep 30", "echo token; sleep 30 &", "exit 3", "true",
  ])
  func aCommandThatMisbehavesEndsWithinTheDeadline(command: String) {
    let (result, seconds) = Self.run(command, timeout: 2)
    #expect(throws: SecretCommand.Failure.self) { try result.get() }
    #expect(seconds < 4, "\(command) took \(seconds) s")
  }
}
