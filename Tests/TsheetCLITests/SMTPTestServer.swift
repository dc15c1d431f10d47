import Foundation
import Testing

/// A real SMTP server on 127.0.0.1 (aiosmtpd, `Tests/Support/smtp_server.py`) with STARTTLS or implicit TLS,
/// AUTH, and a throwaway CA; it lives until this object goes away.
final class SMTPTestServer {
    /// Whether the tests may run: aiosmtpd and msmtp are installed, or `CI` is set (where a missing tool must
    /// fail the tests, since CI installs it).
    static let canRun: Bool = {
        if ProcessInfo.processInfo.environment["CI"] != nil { return true }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import aiosmtpd, cryptography"]
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp")
    }()

    let folder: String
    let port: Int
    private let process: Process
    private let lifeline: Pipe

    var caFile: String { folder + "/certs/ca.pem" }

    /// Starts the server with `options` (`--tls implicit`, `--refuse ADDRESS`, `--drop-in-data`, `--untrusted`)
    /// and waits at most 20 seconds for its port.
    init(in folder: String, _ options: [String] = []) throws {
        self.folder = folder
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Support/smtp_server.py").standardized.path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--spool", folder + "/spool", "--certs", folder + "/certs"] + options
        lifeline = Pipe()
        let output = Pipe()
        process.standardInput = lifeline
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = output.fileHandleForReading
        let found = LockedPort()
        let thread = Thread {
            let line = String(decoding: reader.availableData, as: UTF8.self)
            found.set(line.split(separator: " ").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        }
        thread.start()
        let deadline = Date().addingTimeInterval(20)
        while found.get() == nil, Date() < deadline, process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        guard let port = found.get() else {
            process.terminate()
            throw ServerError.didNotStart
        }
        self.port = port
    }

    deinit {
        try? lifeline.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    /// The messages the server accepted: envelope and content.
    func received() throws -> [[String: Any]] {
        let spool = folder + "/spool"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: spool)) ?? []
        return try names.sorted().map { name in
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(spool)/\(name)")))
                as? [String: Any] ?? [:]
        }
    }

    enum ServerError: Error { case didNotStart }
}

/// The port, as the reading thread finds it.
private final class LockedPort: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?
    func set(_ value: Int?) { lock.withLock { port = value } }
    func get() -> Int? { lock.withLock { port } }
}
