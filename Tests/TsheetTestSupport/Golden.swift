import Foundation
import Testing

/// Compares `text` with the golden file `name` in the `Golden` folder beside `filePath`. A missing golden file
/// is recorded from `text` and the test fails, so that every new golden file is read by a person before it counts.
package func expectGolden(
  _ text: String, named name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
  let file = folder.appendingPathComponent(name)
  guard let golden = try? String(contentsOf: file, encoding: .utf8) else {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try text.write(to: file, atomically: true, encoding: .utf8)
    Issue.record(
      "Recorded new baseline \(file.path); read it, then run the tests again.",
      sourceLocation: sourceLocation)
    return
  }
  #expect(text == golden, "differs from \(file.path)", sourceLocation: sourceLocation)
}

/// Runs `python3 -c script arguments…` and returns its standard output; the test fails when Python fails.
package func runPython(
  _ script: String, _ arguments: [String] = [], input: String? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", script] + arguments
  let output = Pipe()
  let errors = Pipe()
  let stdin = Pipe()
  process.standardOutput = output
  process.standardError = errors
  process.standardInput = stdin
  try process.run()
  if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
  try stdin.fileHandleForWriting.close()
  let out = output.fileHandleForReading.readDataToEndOfFile()
  let err = errors.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  #expect(
    process.terminationStatus == 0, "python3 failed: \(String(decoding: err, as: UTF8.self))",
    sourceLocation: sourceLocation)
  return String(decoding: out, as: UTF8.self)
}

/// Parses an RFC 5322 message with Python's standard `email` package, an independent reader, and returns what
/// it found: headers (decoded), each part's type, charset and decoded body.
package func parseWithPython(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String:
  Any]
{
  let script = """
    import email, email.policy, json, sys
    raw = sys.stdin.buffer.read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    parts = [{"type": p.get_content_type(), "charset": p.get_content_charset(),
              "encoding": p.get("Content-Transfer-Encoding"), "body": p.get_content()}
             for p in message.walk() if not p.is_multipart()]
    headers = {k: str(v) for k, v in message.items()}
    lines = raw.split(b"\\r\\n")
    print(json.dumps({"headers": headers, "header_names": [k for k, _ in message.items()],
                      "type": message.get_content_type(), "parts": parts,
                      "defects": [str(d) for d in message.defects],
                      "longest_line": max(len(l) for l in lines),
                      "bare_lf": b"\\n" in raw.replace(b"\\r\\n", b"")}))
    """
  let output = try runPython(script, input: message, sourceLocation: sourceLocation)
  return try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
}
