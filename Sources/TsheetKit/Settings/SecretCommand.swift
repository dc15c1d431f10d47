import Foundation
import Glibc

/// A command that prints a secret (`pass show smtp`, `oama access ana@consult.es`): its first line of output,
/// within a deadline. It runs in a process group of its own, killed whole when tsheet is done with it, so that
/// nothing it started (a background child, a loop still printing) outlives the command that asked.
struct SecretCommand {
  let command: String
  /// How long the command may take before it is killed.
  var timeout: TimeInterval = 60
  /// How long a command that printed its line may take to exit by itself before its line is taken anyway.
  var grace: TimeInterval = 2

  /// Why the command gave no secret.
  enum Failure: Error, Equatable, CustomStringConvertible {
    case cannotStart
    case status(Int32)
    case timedOut, empty

    /// What the command did, as the line naming it goes on: "the password command 'pass x' <description>".
    var description: String {
      switch self {
      case .cannotStart: "cannot be started"
      case .status(let status): "failed with status \(status)"
      case .timedOut: "did not finish within a minute"
      case .empty: "printed nothing"
      }
    }
  }

  /// The first line the command prints (at most 64 KB are read), its standard input empty and its error
  /// output the user's. A command that exits is judged by its status; one that printed its line and goes on
  /// running (`yes`, `echo t; sleep 100`) is killed after `grace` and its line taken.
  func firstLine() throws(Failure) -> String {
    let deadline = Date().addingTimeInterval(timeout)
    let (pid, output) = try spawn()
    defer {
      close(output)
      kill(-pid, SIGKILL)  // the whole group: whatever the command left behind
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    let data = Self.read(output, until: deadline)
    let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
    let waitUntil = line == nil ? deadline : min(deadline, Date().addingTimeInterval(grace))
    switch Self.exitStatus(of: pid, until: waitUntil) {
    case .some(0): break
    case .some(let status): throw .status(status)
    case nil where line == nil: throw .timedOut
    case nil: break  // printed its line and still runs: the line is what was asked for
    }
    guard let line, !line.isEmpty else { throw .empty }
    return line
  }

  /// Starts `/bin/sh -c command` as the leader of a new process group; its pid, and its output's read end.
  private func spawn() throws(Failure) -> (pid_t, Int32) {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { throw .cannotStart }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
    posix_spawn_file_actions_addclose(&actions, ends[0])
    posix_spawn_file_actions_addclose(&actions, ends[1])
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    let words: [String] = ["/bin/sh", "-c", command]
    let arguments: [UnsafeMutablePointer<CChar>?] = words.map { (word: String) in strdup(word) } + [nil]
    defer { arguments.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments, environ)
    close(ends[1])
    guard spawned == 0 else {
      close(ends[0])
      throw .cannotStart
    }
    return (pid, ends[0])
  }

  /// What `output` gives up to its first line break, its end, 64 KB or `deadline`, whichever comes first.
  private static func read(_ output: Int32, until deadline: Date) -> [UInt8] {
    var data: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !data.contains(UInt8(ascii: "\n")), data.count < 65536 {
      let left = deadline.timeIntervalSinceNow
      guard left > 0 else { break }
      var ready = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
      guard poll(&ready, 1, Int32(min(left, 1) * 1000)) > 0 else { continue }
      let count = Glibc.read(output, &buffer, buffer.count)
      guard count > 0 else { break }  // the end: the command closed its output
      data += buffer[..<count]
    }
    return data
  }

  /// The exit status of `pid` once it exits before `deadline` (128 + the signal that ended it); nil when it
  /// still runs then.
  private static func exitStatus(of pid: pid_t, until deadline: Date) -> Int32? {
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      guard Date() < deadline else { return nil }
      usleep(10_000)
    }
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
  }
}
