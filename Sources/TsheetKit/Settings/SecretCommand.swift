import Foundation

/// A command that prints a secret (`pass show smtp`, `oama access ana@consult.es`): its first line of output,
/// within a deadline.
struct SecretCommand {
  let command: String
  /// How long the command may take before it is killed.
  var timeout: TimeInterval = 60

  /// Why the command gave no secret.
  enum Failure: Error {
    case cannotStart
    case status(Int32)
    case timedOut, empty
  }

  /// The first line the command prints (at most 64 KB are read), its standard input empty and its error
  /// output the user's. Reading stops at the first line break, so a command that goes on printing (`yes`) ends
  /// at once; one that leaves a child behind is waited for until the deadline (Foundation's `Process` waits for
  /// the child too), then killed.
  func firstLine() throws(Failure) -> String {
    let process = Process()
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { throw .cannotStart }
    let ended = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var data = Data()
    let reader = output.fileHandleForReading
    Thread {
      while data.count < 65536, !data.contains(UInt8(ascii: "\n")), case let chunk = reader.availableData,
        !chunk.isEmpty
      {
        data += chunk
      }
      try? reader.close()  // a command still printing ends on SIGPIPE
      process.waitUntilExit()
      ended.signal()
    }.start()
    guard ended.wait(timeout: .now() + timeout) == .success else {
      kill(process.processIdentifier, SIGKILL)
      throw .timedOut
    }
    guard process.terminationStatus == 0 else { throw .status(process.terminationStatus) }
    guard let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first,
      !line.isEmpty
    else { throw .empty }
    return String(line)
  }
}
