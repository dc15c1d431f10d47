import Foundation
import Testing

/// The completion script ArgumentParser generates, run in a real bash: it offers what the log holds.
@Suite struct CompletionTests {
    let sandbox: Sandbox
    let script: String

    init() throws {
        sandbox = try Sandbox()
        _ = try sandbox.succeed(["log", "Fixed SSO login", "1h30m", "-c", "acme"])
        _ = try sandbox.succeed(["log", "Backup restore test", "2h", "-c", "Cafés Núñez"])
        _ = try sandbox.succeed(["log", "Fixed SSO login", "30m", "-c", "acme", "--date", "yesterday"])
        script = sandbox.folder + "/tsheet.bash"
        try sandbox.write(try sandbox.succeed(["--generate-completion-script", "bash"]), to: script)
    }

    /// What bash offers for the command line `words` (after the program's name), the cursor at its end.
    func complete(_ words: [String]) throws -> [String] {
        let line = ([Sandbox.binary] + words).map { $0.isEmpty ? "''" : "'\($0)'" }.joined(separator: " ")
        let program = """
            source '\(script)'
            COMP_WORDS=(\(line)); COMP_CWORD=\(words.count)
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _tsheet "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--norc", "--noprofile", "-c", program]
        process.environment = sandbox.environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
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
        let completion = CompletionTests.with(bare, script: script)
        #expect(try completion.complete(["log", "x", "1h", "-c", ""]).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.folder + "/none"))
    }

    /// A team server that never answers costs a press of TAB half a second, and offers nothing.
    @Test func aSilentTeamServerOffersNothingWithinHalfASecond() throws {
        let server = try SilentServer()
        var silent = sandbox
        silent.environment["TSHEET_DB"] = "postgres://ana@127.0.0.1:\(server.port)/team?sslmode=disable"
        let completion = CompletionTests.with(silent, script: script)
        let started = Date()
        #expect(try completion.complete(["log", "x", "1h", "-c", ""]).isEmpty)
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed >= 0.5 && elapsed < 2, "took \(elapsed) s")
    }

    private static func with(_ sandbox: Sandbox, script: String) -> CompletionTests {
        CompletionTests(sandbox: sandbox, script: script)
    }

    private init(sandbox: Sandbox, script: String) {
        self.sandbox = sandbox
        self.script = script
    }
}
