import Foundation
import Testing
import TsheetTestSupport

/// A mail server that floods its greeting is refused within the deadline, in one line, and nothing is recorded.
@Suite struct SMTPFloodTests {
  let mail: MailSandbox

  init() throws { mail = try MailSandbox() }

  @Test(arguments: [
    ("line", "a reply line longer than 64 KB"), ("lines", "a reply of more than 1000 lines"),
  ])
  func aGreetingWithoutEndIsRefused(mode: String, problem: String) throws {
    let server = try SupportServer("smtp_flood.py", ["--mode", mode])
    try mail.sandbox.configure(
      """
      [mail]
      from = "Ana Ruiz <ana@consult.es>"
      [smtp]
      host = "127.0.0.1"
      port = \(server.port)
      security = "starttls"
      username = "ana@consult.es"
      """)
    let started = Date()
    let run = try mail.sandbox.run(["week", "-c", "acme", "--send"])
    #expect(Date().timeIntervalSince(started) < 20)
    #expect(run.status != 0)
    #expect(run.stderr.contains(problem), "\(run.stderr)")
    #expect(run.stderr.count { $0 == "\n" } == 1, "\(run.stderr)")
    try mail.nothingWasSent()
  }
}
