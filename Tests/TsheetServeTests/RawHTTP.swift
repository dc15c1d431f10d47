import Foundation

/// One exchange of bytes with a server on 127.0.0.1, below any HTTP client: what a hostile client can send
/// (two Host fields, a whole URI as the target, a malformed head). Every wait ends within 5 s.
enum RawHTTP {
  /// A response as read back: its status code, its header fields (names lowercased) and its body.
  struct Response {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: String

    /// The value of the first field called `name` (lowercase).
    subscript(_ name: String) -> String? { headers.first { $0.name == name }?.value }
  }

  /// Sends `request` (its lines joined with CRLF, an empty line added) to `port`, and reads until the server
  /// closes the connection or 5 s pass.
  static func exchange(port: Int, _ lines: [String]) async throws -> Response {
    try await blocking { try exchanging(port: port, lines) }
  }

  private static func exchanging(port: Int, _ lines: [String]) throws -> Response {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw RawHTTPError.socket }
    defer { close(socket) }
    var timeout = timeval(tv_sec: 30, tv_usec: 0)  // a loaded machine (the whole suite at once) answers late
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw RawHTTPError.socket }
    let request = Array((lines + ["", ""]).joined(separator: "\r\n").utf8)
    guard send(socket, request, request.count, 0) == request.count else { throw RawHTTPError.socket }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = recv(socket, &buffer, buffer.count, 0)
      guard count > 0 else { break }
      received += buffer[..<count]
    }
    return try parse(String(decoding: received, as: UTF8.self))
  }

  private static func parse(_ text: String) throws -> Response {
    guard let end = text.range(of: "\r\n\r\n") else { throw RawHTTPError.noResponse(text) }
    let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
    guard let status = lines.first.flatMap({ Int($0.split(separator: " ").dropFirst().first ?? "") }) else {
      throw RawHTTPError.noResponse(text)
    }
    let headers = lines.dropFirst().map { line in
      let name = line.prefix { $0 != ":" }
      return (name.lowercased(), line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces))
    }
    return Response(status: status, headers: headers, body: String(text[end.upperBound...]))
  }
}

enum RawHTTPError: Error {
  case socket
  case noResponse(String)
}

/// Runs `work`, which blocks, on a thread of its own: the few threads of the tests' concurrency pool stay free
/// for the server under test, whose routes run there.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread { continuation.resume(with: Result { try work() }) }.start()
  }
}
