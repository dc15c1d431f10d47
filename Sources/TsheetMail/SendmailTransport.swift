import Foundation

/// Hands messages to a sendmail-compatible program (msmtp, postfix's sendmail) with the recipients named on
/// its command line: `PATH -i -f FROM -- RCPT...`.
package struct SendmailTransport: MailTransport {
  package let path: String
  /// How long the program may take.
  package let timeout: Duration

  package init(path: String, timeout: Duration = .seconds(120)) {
    self.path = path
    self.timeout = timeout
  }

  package func send(_ message: MIMEMessage) async throws(SendError) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments(for: message)
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    do { try process.run() } catch { throw .programMissing(path: path) }
    let writer = input.fileHandleForWriting
    let data = Data(message.rendered.utf8)
    // The program may exit before reading everything; a broken pipe then must not end tsheet.
    signal(SIGPIPE, SIG_IGN)
    try? writer.write(contentsOf: data)
    try? writer.close()
    let deadline = ContinuousClock.now + timeout
    while process.isRunning {
      if ContinuousClock.now > deadline {
        process.terminate()
        throw .program(path: path, status: -1, output: "no answer in \(timeout)")
      }
      try? await Task.sleep(for: .milliseconds(20))
    }
    let words = String(
      String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        .split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        .prefix(300))
    guard process.terminationStatus == 0 else {
      throw .program(path: path, status: process.terminationStatus, output: words)
    }
    return words.isEmpty ? "accepted by \(path)" : words
  }

  /// The command line that would send `message`, quoted as a shell reads it.
  package func preview(_ message: MIMEMessage) -> String {
    ([path] + arguments(for: message)).map(Self.quoted).joined(separator: " ") + "\n"
  }

  /// `-i` (a lone dot is no end), `-f` the sender, then the recipients after `--`, so that none is read as
  /// an option.
  private func arguments(for message: MIMEMessage) -> [String] {
    ["-i", "-f", message.from.address, "--"] + message.recipients.map(\.address)
  }

  private static func quoted(_ word: String) -> String {
    let plain =
      !word.isEmpty
      && word.unicodeScalars.allSatisfy {
        $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "@%+=:,./_-".unicodeScalars.contains($0))
      }
    return plain ? word : "'" + word.replacing("'", with: "'\\''") + "'"
  }
}
