import Foundation
import Testing
import TsheetTestSupport

/// The completion script ArgumentParser generates, run in a real bash: it offers what the log holds.
@Suite struct CompletionTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    _ = try sandbox.succeed(["log", "Fixed SSO login", "1h30m", "-c", "acme"])
    _ = try sandbox.succeed(["log", "Backup restore test", "2h", "-c", "Cafés Núñez"])
    _ = try sandbox.succeed(["log", "Fixed SSO login", "30m", "-c", "acme", "--date", "yesterday"])
  }

  /// What bash offers for the command line `words` (after the program's name), the cursor at its end.
  func complete(_ words: [String], in sandbox: Sandbox? = nil) throws -> [String] {
    let sandbox = sandbox ?? self.sandbox
    return try ShellCompletion(sandbox: sandbox, shell: "bash", folder: sandbox.folder).complete(words)
  }

  @Test func clientNamesForEveryClientOption() throws {
    #expect(try complete(["log", "x", "1h", "-c", ""]) == ["acme", "Cafés Núñez"])
    #expect(try complete(["list", "--client", "C"]) == ["Cafés Núñez"])
    #expect(try complete(["week", "-c", "a"]) == ["acme"])
    #expect(try complete(["send", "-c", ""]) == ["acme", "Cafés Núñez"])
    #expect(try complete(["clients", "set", ""]) == ["acme", "Cafés Núñez"])
    #expect(try complete(["clients", "merge", "acme", ""]) == ["acme", "Cafés Núñez"])
  }

  @Test func peopleForPersonAndAs() throws {
    _ = try sandbox.succeed(["log", "Warehouse Wi-Fi", "1h", "-c", "acme", "--as", "Luis"])
    #expect(try complete(["list", "--person", ""]) == ["ana", "Luis"])
    #expect(try complete(["log", "x", "1h", "--as", "L"]) == ["Luis"])
    #expect(try complete(["edit", "1", "--as", ""]) == ["ana", "Luis"])
    #expect(try complete(["report", "--person", "a"]) == ["ana"])
  }

  @Test func recentTitlesForLogAndStart() throws {
    #expect(try complete(["log", ""]) == ["Backup restore test", "Fixed SSO login"])
    #expect(try complete(["start", "Fix"]) == ["Fixed SSO login"])
  }

  @Test func entryIDsForEditAndRemove() throws {
    #expect(try complete(["rm", ""]) == ["2", "1", "3"])
    #expect(try complete(["edit", "3"]) == ["3"])
  }

  /// Completing never creates a log, and offers nothing from one that does not exist.
  @Test func noLogMeansNothingOffered() throws {
    var bare = sandbox
    bare.environment["TSHEET_DB"] = sandbox.folder + "/none/tsheet.sqlite"
    #expect(try complete(["log", "x", "1h", "-c", ""], in: bare).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: sandbox.folder + "/none"))
  }

  /// A team server that never answers costs a press of TAB half a second, and offers nothing.
  @Test func aSilentTeamServerOffersNothingWithinHalfASecond() throws {
    let server = try SilentServer()
    var silent = sandbox
    silent.environment["TSHEET_DB"] = "postgres://ana@127.0.0.1:\(server.port)/team?sslmode=disable"
    let started = Date()
    #expect(try complete(["log", "x", "1h", "-c", ""], in: silent).isEmpty)
    let elapsed = Date().timeIntervalSince(started)
    #expect(elapsed >= 0.5 && elapsed < 2, "took \(elapsed) s")
  }
}
