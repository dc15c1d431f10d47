import Foundation
import TsheetMail

/// The sign-in `tsheet mail login` keeps: the refresh token and the current access token.
struct StoredLogin: Codable, Sendable, Equatable {
  var provider: String
  var clientID: String
  /// Where the refresh token is redeemed: a token is never sent to another endpoint than the one that issued it.
  var tokenURL: String?
  /// Whom the id_token named, for `mail status`.
  var email: String?
  var refreshToken: String?
  var accessToken: String
  /// When the access token stops holding (seconds since 1970); nil when the provider did not say.
  var expiresAt: Double?
  /// How long the access token held when it was issued, in seconds.
  var lifetime: Int?

  init(provider: OAuthProvider, grant: TokenGrant, now: Date) {
    self.provider = provider.name
    clientID = provider.clientID
    tokenURL = provider.tokenURL
    accessToken = grant.accessToken
    update(with: grant, now: now)
  }

  /// Takes a refreshed grant: the new access token, and the new refresh token when the provider rotated it.
  mutating func update(with grant: TokenGrant, now: Date) {
    accessToken = grant.accessToken
    refreshToken = grant.refreshToken ?? refreshToken
    email = grant.email ?? email
    lifetime = grant.expiresIn
    expiresAt = grant.expiresIn.map { now.timeIntervalSince1970 + Double($0) }
  }

  /// Whether the sign-in was made with `provider`: its name, app and token endpoint.
  func isFrom(_ provider: OAuthProvider) -> Bool {
    self.provider == provider.name && clientID == provider.clientID
      && (tokenURL ?? provider.tokenURL) == provider.tokenURL
  }

  /// Whether the access token still holds long enough to be used: more than a minute, or half its lifetime
  /// when that is shorter, before it expires.
  func holds(at now: Date) -> Bool {
    guard let expiresAt else { return false }  // unknown: refresh each time rather than fail mid-send
    let margin = Double(min(60, (lifetime ?? 120) / 2))
    return expiresAt - now.timeIntervalSince1970 > margin
  }
}

/// The file that holds the sign-in: `oauth2.json` in tsheet's state folder, 0600 in a 0700 folder, written
/// anew (O_EXCL, 0600) and renamed over the old one, never loosened. Refreshes hold `oauth2.lock`.
struct LoginFile: Sendable {
  let folder: String
  var path: String { folder + "/oauth2.json" }
  /// A sign-in tsheet writes is a few KB; a larger file is not read.
  static let maxBytes = 65536

  /// The stored sign-in; nil when there is none.
  /// - Throws: `MailLoginError` for a file others may read, one that is not a plain file of a sign-in's size, or
  ///   one that cannot be read.
  func read() throws(MailLoginError) -> StoredLogin? {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      if errno == ENOENT { return nil }
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    guard info.st_mode & S_IFMT == S_IFREG else { throw .unreadable(path: path, reason: "not a plain file") }
    guard info.st_mode & 0o077 == 0, info.st_uid == geteuid() else {
      throw .exposed(path: path, mode: Int(info.st_mode & 0o777))
    }
    guard info.st_size <= Self.maxBytes else { throw .unreadable(path: path, reason: "too large for a sign-in") }
    guard let data = FileManager.default.contents(atPath: path),
      let login = try? JSONDecoder().decode(StoredLogin.self, from: data)
    else {
      throw .unreadable(path: path, reason: "not a sign-in tsheet wrote")
    }
    return login
  }

  /// Replaces the stored sign-in with `login`. When the method returns, the file holds it, readable by its
  /// owner alone.
  func write(_ login: StoredLogin) throws(MailLoginError) {
    try makeFolder()
    let temporary = path + ".new"
    unlink(temporary)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw .unwritable(path: temporary, reason: String(cString: strerror(errno))) }
    let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do {
      try file.write(contentsOf: JSONEncoder().encode(login))
      try file.synchronize()
      try file.close()
    } catch {
      unlink(temporary)
      throw .unwritable(path: temporary, reason: "\(error)")
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw .unwritable(path: path, reason: reason)
    }
  }

  /// Forgets the sign-in; false when there was none.
  func remove() throws(MailLoginError) -> Bool {
    guard unlink(path) == 0 else {
      if errno == ENOENT { return false }
      throw .unwritable(path: path, reason: String(cString: strerror(errno)))
    }
    return true
  }

  /// Runs `body` holding the lock that keeps two tsheets from refreshing (and rotating) at once.
  func locked<T>(_ body: () throws -> T) throws -> T {
    try makeFolder()
    let descriptor = open(folder + "/oauth2.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw MailLoginError.unwritable(path: folder + "/oauth2.lock", reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }  // closing lets the lock go
    let deadline = Date().addingTimeInterval(90)  // longer than any refresh another tsheet may be making
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard Date() < deadline else { throw MailLoginError.busy(path: folder + "/oauth2.lock") }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return try body()
  }

  private func makeFolder() throws(MailLoginError) {
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw .unwritable(path: folder, reason: "cannot make the folder")
    }
    var info = stat()
    guard stat(folder, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o022 == 0 else {
      throw .exposed(path: folder, mode: Int(info.st_mode & 0o777))
    }
  }
}
