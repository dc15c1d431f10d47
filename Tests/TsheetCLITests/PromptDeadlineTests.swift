import Foundation
import Testing
import TsheetTestSupport

/// A prompt that calls `tsheet status` on a team log is never held up by a server that does not answer: it
/// says, within two seconds, that it could not ask.
@Suite struct PromptDeadlineTests {
  @Test(arguments: ["", "?connect_timeout=60"])
  func statusOnASilentServerEndsWithinTwoSeconds(options: String) throws {
    let sandbox = try Sandbox()
    let server = try SupportServer("silent_server.py", [])
    let url = "postgres://ana@127.0.0.1:\(server.port)/team\(options)"
    let started = Date()
    let run = try sandbox.run(["status", "--db", url])
    #expect(Date().timeIntervalSince(started) < 2)
    #expect(run.status == 75)
    #expect(
      run.stderr == "Error: the PostgreSQL server postgres://ana@127.0.0.1:\(server.port)/team cannot be reached (no "
        + "answer within 1500 milliseconds); nothing was changed: try again when it is up.\n")
  }
}
