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
        process.arguments = ["-i", "-f", message.from.address, "--"] + message.recipients.map(\.address)
        let input = Pipe(), output = Pipe()
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
        let words = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces
        guard process.terminationStatus == 0 else {
            throw .program(path: path, status: process.terminationStatus, output: words)
        }
        return words.isEmpty ? "accepted by \(path)" : words
    }
}
