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
  /// output the user's.
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
      while case let chunk = reader.availableData, !chunk.isEmpty {  // to the end, keeping the first 64 KB
        if data.count < 65536 { data += chunk }
      }
      ended.signal()
    }.start()
    guard ended.wait(timeout: .now() + timeout) == .success else {
      kill(process.processIdentifier, SIGKILL)
      throw .timedOut
    }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw .status(process.terminationStatus) }
    guard let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first,
      !line.isEmpty
    else { throw .empty }
    return String(line)
  }
}
