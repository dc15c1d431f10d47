import ArgumentParser

/// What `tsheet serve` takes, parsed once by `tsheet` (for its help and its checks) and again by `tsheet-serve`,
/// which `tsheet serve` starts with `arguments`.
package struct ServeOptions: ParsableArguments {
  @Option(help: "The port to listen on; 0 lets the system pick a free one.")
  package var port: Int = 8080

  @Option(
    help: ArgumentHelp(
      "The loopback address to listen on: 127.0.0.1 (or localhost), another of 127.0.0.0/8, or ::1.",
      valueName: "address"))
  package var bind: String = "127.0.0.1"

  @Option(
    name: .customLong("db"),
    help: ArgumentHelp("The database file, or a team's postgres:// URL, as every command takes it.", valueName: "path"))
  package var database: String?

  @Option(help: ArgumentHelp("The config file, as every command takes it.", valueName: "path"))
  package var config: String?

  package init() {}

  /// The loopback address to listen on: `--bind` itself, or 127.0.0.1 for `localhost`.
  package var host: String { bind.lowercased() == "localhost" ? "127.0.0.1" : bind }

  /// These options as `tsheet-serve` reads them back.
  package var arguments: [String] {
    ["--port", String(port), "--bind", bind] + (database.map { ["--db", $0] } ?? [])
      + (config.map { ["--config", $0] } ?? [])
  }

  package func validate() throws {
    guard (0...65535).contains(port) else {
      throw ValidationError("--port \(port) is not a port; give 1 to 65535, or 0 for any free one.")
    }
    guard Self.isLoopback(host) else {
      throw ValidationError(
        "--bind \(bind.prefix(60)) is not a loopback address, and no TLS is configured (this version has none): "
          + "tsheet serve listens on 127.0.0.1 only; from another machine, use ssh -L 8080:127.0.0.1:8080.")
    }
  }

  /// Whether `address` is `::1`, or an IPv4 address of a host in 127.0.0.0/8 written as four decimal numbers:
  /// not the network's own address 127.0.0.0 nor its broadcast address 127.255.255.255.
  package static func isLoopback(_ address: String) -> Bool {
    if address == "::1" { return true }
    let parts = address.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return false }
    let numbers = parts.compactMap { part in
      (1...3).contains(part.count) && (part.count == 1 || part.first != "0")
        && part.allSatisfy({ ("0"..."9").contains($0) }) ? UInt8(part) : nil
    }
    return numbers.count == 4 && numbers[0] == 127 && numbers.dropFirst() != [0, 0, 0]
      && numbers.dropFirst() != [255, 255, 255]
  }
}
