import Foundation

extension PostgresURL {
  /// The password to log in with: the URL's, else `$PGPASSWORD`, else the first line of the password file
  /// (`$PGPASSFILE`, else `~/.pgpass`) that matches the host, port, database and user, as libpq looks it up.
  /// A password file others can read is ignored, as libpq ignores it.
  package func password(environment: [String: String]) -> String? {
    if let password { return password }
    if let password = environment["PGPASSWORD"] { return password }
    let home = environment["HOME"] ?? NSHomeDirectory()
    let path = environment["PGPASSFILE"] ?? home + "/.pgpass"
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_mode & 0o077 == 0,
      let text = try? String(contentsOfFile: path, encoding: .utf8)
    else { return nil }
    for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      let fields = Self.passwordFields(line)
      guard fields.count == 5 else { continue }
      let wanted = [host, String(port), database, user]
      if zip(fields, wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
    }
    return nil
  }

  /// The `:`-separated fields of a password file line, `\:` and `\\` read as the characters.
  static func passwordFields(_ line: Substring) -> [String] {
    var fields: [String] = []
    var field = ""
    var escaped = false
    for character in line {
      if escaped {
        field.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == ":" {
        fields.append(field)
        field = ""
      } else {
        field.append(character)
      }
    }
    fields.append(field)
    return fields
  }
}
