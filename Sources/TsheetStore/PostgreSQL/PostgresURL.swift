import Foundation
import TsheetCore

/// Where a team's log lives: `postgres://user[:password]@host[:port]/dbname?sslmode=…&sslrootcert=…&connect_timeout=…`,
/// read as libpq reads it. The password may come from the URL, `$PGPASSWORD` or `~/.pgpass`, never from the config.
package struct PostgresURL: Hashable, Sendable {
  /// How the connection uses TLS, as libpq's `sslmode` names it.
  package enum TLSMode: String, Sendable, CaseIterable {
    /// Plain TCP.
    case disable
    /// TLS when the server offers it, unverified (libpq's default).
    case prefer
    /// TLS always, unverified.
    case require
    /// TLS always, the server's certificate checked against the CA file (`sslrootcert`) or the system's CAs,
    /// and its name against the host.
    case verifyFull = "verify-full"
  }

  package var user: String
  package var password: String?
  package var host: String
  package var port: Int
  package var database: String
  package var tls: TLSMode
  /// The CA certificates (PEM) that `verify-full` trusts; the system's when nil.
  package var rootCertificate: String?
  /// How many seconds connecting may take (`connect_timeout`): 10 unless the URL says, never less than 2
  /// (libpq reads 1 as 2), never forever.
  package var connectTimeout = 10
  /// The longest name PostgreSQL keeps whole (NAMEDATALEN - 1 bytes); it cuts longer ones short.
  static let longestName = 63

  package init(
    user: String, password: String?, host: String, port: Int, database: String, tls: TLSMode,
    rootCertificate: String?
  ) {
    self.user = user
    self.password = password
    self.host = host
    self.port = port
    self.database = database
    self.tls = tls
    self.rootCertificate = rootCertificate
  }

  /// Whether `text` names a PostgreSQL server rather than a file.
  package static func isURL(_ text: String) -> Bool {
    let scheme = text.prefix(13).lowercased()
    return scheme.hasPrefix("postgres://") || scheme.hasPrefix("postgresql://")
  }

  /// Reads `text`; `defaultUser` is the user when the URL names none (libpq uses the login name).
  /// - Throws: `StoreError.badURL` naming what is wrong.
  package init(parsing text: String, defaultUser: String) throws(StoreError) {
    func bad(_ reason: String) -> StoreError { .badURL(reason) }
    guard let scheme = text.range(of: "://"), Self.isURL(text) else {
      throw bad("it does not start with postgres://")
    }
    var rest = Substring(text[scheme.upperBound...])
    var query = Substring("")
    if let mark = rest.firstIndex(of: "?") { (rest, query) = (rest[..<mark], rest[rest.index(after: mark)...]) }
    var path = Substring("")
    if let slash = rest.firstIndex(of: "/") { (rest, path) = (rest[..<slash], rest[rest.index(after: slash)...]) }
    var user: String?
    var password: String?
    if let at = rest.lastIndex(of: "@") {
      let credentials = rest[..<at]
      rest = rest[rest.index(after: at)...]
      if let colon = credentials.firstIndex(of: ":") {
        user = try Self.decoded(credentials[..<colon])
        password = try Self.decoded(credentials[credentials.index(after: colon)...])
      } else {
        user = try Self.decoded(credentials)
      }
    }
    var hostText = rest
    var portText: Substring?
    if rest.hasPrefix("[") {  // an IPv6 literal: [::1]:5432
      guard let close = rest.firstIndex(of: "]") else { throw bad("the host's '[' has no ']'") }
      hostText = rest[rest.index(after: rest.startIndex)..<close]
      let after = rest[rest.index(after: close)...]
      if after.hasPrefix(":") {
        portText = after.dropFirst()
      } else if !after.isEmpty {
        throw bad("'\(String(after).echoed())' follows the host")
      }
    } else if let colon = rest.lastIndex(of: ":") {
      (hostText, portText) = (rest[..<colon], rest[rest.index(after: colon)...])
    }
    host = try Self.decoded(hostText)
    if host.isEmpty { host = "localhost" }
    if host.contains(where: { $0.isWhitespace || $0 == "/" || $0.asciiValue.map { $0 < 0x20 } == true }) {
      throw bad("the host '\(host.echoed())' is not a host name or address")
    }
    if let portText {
      guard let port = Int(portText), (1...65_535).contains(port) else {
        throw bad("the port '\(String(portText).echoed())' is not a number from 1 to 65535")
      }
      self.port = port
    } else {
      port = 5432
    }
    self.user = user.flatMap { $0.isEmpty ? nil : $0 } ?? defaultUser
    self.password = password
    database = try Self.decoded(path)
    if database.isEmpty { database = self.user }
    tls = .prefer
    for pair in query.split(separator: "&") where !pair.isEmpty {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = try Self.decoded(parts[0])
      let value = try Self.decoded(parts.count > 1 ? parts[1] : "")
      switch key {
      case "sslmode":
        guard let mode = TLSMode(rawValue: value) else {
          throw bad("sslmode '\(value.echoed())' is not one of disable, prefer, require, verify-full")
        }
        tls = mode
      case "sslrootcert": rootCertificate = value
      case "user": self.user = value
      case "password": self.password = value
      case "dbname": database = value
      case "connect_timeout": connectTimeout = try Self.seconds(value)
      case "application_name": break
      default: throw bad("tsheet does not know the parameter '\(key.echoed())'")
      }
    }
    if self.user.isEmpty { throw bad("it names no user") }
    for (what, name) in [("user", self.user), ("database", database)] where name.utf8.count > Self.longestName {
      throw bad(
        "the \(what) name is \(name.utf8.count) bytes long, and PostgreSQL's names are at most \(Self.longestName)")
    }
    if self.user.containsControlCharacters || database.containsControlCharacters
      || self.password?.contains("\u{0}") == true
    {
      throw bad("its user or database holds a control character")
    }
  }

  /// The URL as messages show it: without its password.
  package var redacted: String {
    let shownHost = host.contains(":") ? "[\(host)]" : host
    return "postgres://\(user)@\(shownHost):\(port)/\(database)"
  }

  /// `connect_timeout`'s seconds as libpq reads them (a whole number, 1 counting as 2), from 1 to an hour:
  /// libpq's 0 (wait forever) is refused, since tsheet always gives up in the end.
  private static func seconds(_ text: String) throws(StoreError) -> Int {
    guard let seconds = Int(text.trimmingCharacters(in: .whitespaces)), (1...3600).contains(seconds) else {
      throw .badURL("connect_timeout '\(text.echoed())' is not a number of seconds from 1 to 3600")
    }
    return max(seconds, 2)
  }

  /// `%XX` escapes decoded; refused when malformed or not UTF-8.
  private static func decoded(_ text: Substring) throws(StoreError) -> String {
    var bytes: [UInt8] = []
    var index = text.utf8.startIndex
    let utf8 = text.utf8
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte == UInt8(ascii: "%") {
        let high = utf8.index(after: index)
        guard high < utf8.endIndex, utf8.index(after: high) < utf8.endIndex,
          let value = UInt8(
            String(decoding: [utf8[high], utf8[utf8.index(after: high)]], as: UTF8.self),
            radix: 16)
        else {
          throw .badURL("'%' must be followed by two hexadecimal digits")
        }
        bytes.append(value)
        index = utf8.index(index, offsetBy: 3)
      } else {
        bytes.append(byte)
        index = utf8.index(after: index)
      }
    }
    guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .badURL("an escape is not UTF-8") }
    return decoded
  }
}
