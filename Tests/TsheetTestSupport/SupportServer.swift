import Foundation
import Testing

/// A test server of `Tests/Support` (a Python script) on 127.0.0.1: it prints `PORT <n>` when it listens, takes
/// commands as lines on its standard input, answering each with `OK`, and ends when this object goes away.
package final class SupportServer {
  package let port: Int
  private let process: Process
  private let input: Pipe
  private let lines = LockedLines()

  /// Starts `Tests/Support/script` with `arguments` and waits at most 20 seconds for its port.
  package init(_ script: String, _ arguments: [String]) throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../Support/\(script)").standardized.path
    process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", path] + arguments
    input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let reader = output.fileHandleForReading
    let lines = lines
    Thread {
      var text = ""
      while case let data = reader.availableData, !data.isEmpty {
        text += String(decoding: data, as: UTF8.self)
        while let end = text.firstIndex(of: "\n") {
          lines.append(String(text[..<end]))
          text = String(text[text.index(after: end)...])
        }
      }
    }.start()
    var line: String?
    _ = eventually(within: 20) {
      line = lines.snapshot().first { $0.hasPrefix("PORT ") }
      return line != nil
    }
    guard let port = line.flatMap({ Int($0.dropFirst(5)) }) else {
      kill(process.processIdentifier, SIGKILL)
      throw SupportServerError.didNotStart(script)
    }
    self.port = port
  }

  deinit {
    try? input.fileHandleForWriting.close()
    kill(process.processIdentifier, SIGKILL)  // the test runner's threads block SIGTERM, and its children inherit that
    process.waitUntilExit()
  }

  /// The number the server printed after `word` (`TLSPORT 993`), once it listens.
  package func number(after word: String) -> Int? {
    lines.snapshot().first { $0.hasPrefix(word + " ") }.flatMap { Int($0.dropFirst(word.count + 1)) }
  }

  /// Sends `command` and waits at most 10 seconds for the server to say it is done.
  package func tell(_ command: String) throws {
    let said = lines.snapshot().count
    input.fileHandleForWriting.write(Data((command + "\n").utf8))
    guard eventually(within: 10, { lines.snapshot().dropFirst(said).contains("OK") }) else {
      throw SupportServerError.noAnswer(command)
    }
  }
}

package enum SupportServerError: Error {
  case didNotStart(String)
  case noAnswer(String)
}

/// The lines a server printed, as its reading thread finds them.
private final class LockedLines: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []

  func append(_ line: String) { lock.withLock { lines.append(line) } }

  func snapshot() -> [String] { lock.withLock { lines } }
}

/// Whether `condition` holds within `seconds`, asked every 50 milliseconds.
package func eventually(within seconds: TimeInterval, _ condition: () throws -> Bool) rethrows -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  repeat {
    if try condition() { return true }
    Thread.sleep(forTimeInterval: 0.05)
  } while Date() < deadline
  return false
}
