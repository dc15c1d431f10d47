import Foundation
import Testing

@Suite struct ConcurrencyTests {
  @Test func twoShellsLoggingAtOnceBothSucceed() throws {
    let sandbox = try Sandbox()
    let processes = try ["acme", "globex"].map { client in
      try sandbox.start(
        """
        i=0; while [ $i -lt 200 ]; do i=$((i+1))
          "$0" log "Task $i" 15m -c \(client) >/dev/null || exit 1
        done
        """)
    }
    for process in processes {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    #expect(
      try sandbox.succeed(["clients"]) == """
        CLIENT  ENTRIES  HOURS  LAST
        acme        200  50:00  2026-11-23
        globex      200  50:00  2026-11-23

        """)
    let csv = try sandbox.succeed(["list", "--limit", "0", "--format", "csv"])
    #expect(csv.split(separator: "\r\n").count == 401)
  }
}
