import Foundation
import PropertyBased
import Testing
import TsheetCore
import TsheetTestSupport

@testable import TsheetStore

@Suite struct PostgresURLTests {
  @Test func readsEveryPartAsLibpqDoes() throws {
    let url = try PostgresURL(
      parsing: "postgres://ana:p%40ss%3Aword@db.example:6543/team?sslmode=verify-full&sslrootcert=/etc/ca.pem",
      defaultUser: "me")
    #expect(
      url
        == PostgresURL(
          user: "ana", password: "p@ss:word", host: "db.example", port: 6543, database: "team",
          tls: .verifyFull, rootCertificate: "/etc/ca.pem"))
    #expect(url.redacted == "postgres://ana@db.example:6543/team", "never the password")
    let bare = try PostgresURL(parsing: "postgresql://", defaultUser: "me")
    #expect([bare.user, bare.host, bare.database] == ["me", "localhost", "me"])
    #expect(bare.port == 5432 && bare.tls == .prefer && bare.password == nil)
    #expect(try PostgresURL(parsing: "postgres://u@[::1]:5433/d", defaultUser: "me").host == "::1")
  }

  @Test(arguments: [
    ("postgres://u@h:0/d", "the port '0' is not a number from 1 to 65535"),
    ("postgres://u@h:99999999999999999999/d", "the port '99999999999999999999' is not a number from 1 to 65535"),
    ("postgres://u@h/d?sslmode=allow", "sslmode 'allow' is not one of disable, prefer, require, verify-full"),
    ("postgres://u@h/d?host=evil", "tsheet does not know the parameter 'host'"),
    ("postgres://u@h/d%zz", "'%' must be followed by two hexadecimal digits"),
    ("postgres://u@h/d%ff", "an escape is not UTF-8"),
    ("postgres://u@[::1/d", "the host's '[' has no ']'"),
    ("postgres://u@h\u{1B}[31m/d", "the host 'h\\x1b[31m' is not a host name or address"),
    ("postgres://u@h/d?connect_timeout=0", "connect_timeout '0' is not a number of seconds from 1 to 3600"),
    ("postgres://u@h/d?connect_timeout=-5", "connect_timeout '-5' is not a number of seconds from 1 to 3600"),
    ("postgres://u@h/d?connect_timeout=1.5", "connect_timeout '1.5' is not a number of seconds from 1 to 3600"),
    ("postgres://u@h/d?connect_timeout=3601", "connect_timeout '3601' is not a number of seconds from 1 to 3600"),
    (
      "postgres://u@h/d?connect_timeout=99999999999999999999",
      "connect_timeout '99999999999999999999' is not a number of seconds from 1 to 3600"
    ),
    (
      "postgres://u@h/" + String(repeating: "d", count: 64),
      "the database name is 64 bytes long, and PostgreSQL's names are at most 63"
    ),
    (
      "postgres://u@h/" + String(repeating: "%C3%B1", count: 32),
      "the database name is 64 bytes long, and PostgreSQL's names are at most 63"
    ),
    (
      "postgres://" + String(repeating: "u", count: 20_000) + "@h/d",
      "the user name is 20000 bytes long, and PostgreSQL's names are at most 63"
    ),
  ])
  func refusesWhatItCannotRead(text: String, reason: String) {
    #expect(throws: StoreError.badURL(reason)) { try PostgresURL(parsing: text, defaultUser: "me") }
  }

  /// Seconds as libpq reads them: a whole number, 1 taken as 2; 10 when the URL gives none.
  @Test(arguments: [
    ("", 10), ("?connect_timeout=5", 5), ("?connect_timeout=1", 2), ("?connect_timeout=%2030%20", 30),
    ("?sslmode=disable&connect_timeout=3600", 3600),
  ])
  func connectTimeoutIsReadAsLibpqReadsIt(query: String, seconds: Int) throws {
    #expect(try PostgresURL(parsing: "postgres://u@h/d" + query, defaultUser: "me").connectTimeout == seconds)
  }

  /// A name PostgreSQL would cut short is refused, rather than the cut name's database used.
  @Test func namesUpToSixtyThreeBytesAreKeptWhole() throws {
    let longest = String(repeating: "d", count: 63)
    #expect(try PostgresURL(parsing: "postgres://u@h/" + longest, defaultUser: "me").database == longest)
  }

  /// Whatever follows the scheme, reading it ends in a URL or in one line that says what is wrong.
  @Test func anyTextIsReadOrRefusedOnOneLine() async {
    await propertyCheck(count: 400, input: HostileText.strings(of: 0...12)) { text in
      do {
        let url = try PostgresURL(parsing: "postgres://" + text, defaultUser: "me")
        #expect(!url.user.isEmpty && (1...65_535).contains(url.port))
        #expect(!url.redacted.contains("\n"))
      } catch let error as StoreError {
        #expect(!error.description.contains("\n") && !error.description.contains("\u{1B}"), "\(error)")
      } catch {
        Issue.record("not a StoreError: \(error)")
      }
    }
  }

  /// Any user, password, host and database, escaped as a URL writes them, read back as they were.
  @Test func escapedPartsComeBackAsTheyWere() async {
    let part = Gen.oneOf(
      Gen.element(of: ["ana", "luis.gil", "p@ss:w/rd?&=#", "Núñez", "%41", " x "]).map { $0 ?? "ana" },
      Gen.character(in: "!"..."~").string(of: 1...12))
    await propertyCheck(count: 200, input: part, part, part, Gen.int(in: 1...65_535)) {
      user, password, database, port in
      func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
      }
      let text =
        "postgres://\(escaped(user)):\(escaped(password))@db.example:\(port)/\(escaped(database))?sslmode=require"
      let url = try? PostgresURL(parsing: text, defaultUser: "me")
      #expect(
        url
          == PostgresURL(
            user: user, password: password, host: "db.example", port: port, database: database,
            tls: .require, rootCertificate: nil), "\(text)")
    }
  }

  @Test func thePasswordFileIsReadAsLibpqReadsIt() throws {
    let folder = try temporaryFolder()
    let path = folder + "/pgpass"
    try "# a comment\nother:*:*:*:wrong\n*:5432:team:ana:s3cret\\:pw\\\\x\n*:*:*:*:fallback\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o600)
    let url = try PostgresURL(parsing: "postgres://ana@db.example/team", defaultUser: "me")
    #expect(url.password(environment: ["PGPASSFILE": path]) == "s3cret:pw\\x")
    #expect(url.password(environment: ["PGPASSFILE": path, "PGPASSWORD": "env"]) == "env")
    var other = url
    other.user = "luis"
    #expect(other.password(environment: ["PGPASSFILE": path]) == "fallback")
    chmod(path, 0o644)
    #expect(url.password(environment: ["PGPASSFILE": path]) == nil, "a file others can read is ignored")
  }
}
