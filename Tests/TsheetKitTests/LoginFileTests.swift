import Foundation
import Testing
import TsheetMail

@testable import TsheetKit

/// The token file: 0600 in a 0700 folder, replaced whole, refused once loosened; and the rule
/// for renewing an access token before it runs out.
@Suite struct LoginFileTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsheet-login-\(UUID().uuidString)").path
  var file: LoginFile { LoginFile(folder: folder + "/state/tsheet") }
  let provider = OAuthProvider(
    name: "test", authorizeURL: "https://a", tokenURL: "https://t", deviceURL: nil,
    scopes: ["mail"], clientID: "app", clientSecret: nil)

  func login(expiresIn: Int?, refresh: String? = "r1", at now: Date = Date()) -> StoredLogin {
    StoredLogin(
      provider: provider,
      grant: TokenGrant(
        accessToken: "a1", expiresIn: expiresIn, refreshToken: refresh,
        email: nil), now: now)
  }

  @Test func theFileIsTheOwnersAlone() throws {
    try file.write(login(expiresIn: 3600))
    let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    #expect(attributes[.posixPermissions] as? Int == 0o600)
    #expect(try FileManager.default.attributesOfItem(atPath: file.folder)[.posixPermissions] as? Int == 0o700)
    let read = try #require(try file.read())
    #expect(read.accessToken == "a1" && read.refreshToken == "r1" && read.provider == "test" && read.lifetime == 3600)
    #expect(!FileManager.default.fileExists(atPath: file.path + ".new"))
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
    #expect(throws: MailLoginError.exposed(path: file.path, mode: 0o640)) { try file.read() }
    try file.write(login(expiresIn: 60))  // a new sign-in replaces the loosened file with a 0600 one
    #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600)
    #expect(try file.remove() && !file.remove())
    #expect(try file.read() == nil)
  }

  @Test func aLinkAHugeFileOrAnOpenFolderIsRefused() throws {
    try file.write(login(expiresIn: 3600))
    let elsewhere = folder + "/elsewhere.json"
    try FileManager.default.moveItem(atPath: file.path, toPath: elsewhere)
    try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: elsewhere)
    #expect(throws: MailLoginError.unreadable(path: file.path, reason: "not a plain file")) { try file.read() }
    #expect(try file.remove())
    #expect(FileManager.default.fileExists(atPath: elsewhere), "logout forgets the link, not what it names")
    let huge = Data(repeating: 0x20, count: LoginFile.maxBytes + 1)
    #expect(FileManager.default.createFile(atPath: file.path, contents: huge, attributes: [.posixPermissions: 0o600]))
    #expect(throws: MailLoginError.unreadable(path: file.path, reason: "too large for a sign-in")) { try file.read() }
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: file.folder)
    #expect(throws: MailLoginError.exposed(path: file.folder, mode: 0o777)) { try file.write(login(expiresIn: 60)) }
  }

  @Test func aSignInServesOnlyTheEndpointThatIssuedIt() {
    let stored = login(expiresIn: 60)
    #expect(stored.isFrom(provider))
    var moved = provider
    moved.tokenURL = "https://elsewhere.example/token"
    #expect(!stored.isFrom(moved))
  }

  @Test func aRotatedRefreshTokenReplacesTheOldOneAndAMissingOneKeepsIt() {
    var stored = login(expiresIn: 60)
    stored.update(
      with: TokenGrant(accessToken: "a2", expiresIn: 60, refreshToken: "r2", email: "ana@consult.es"), now: Date())
    #expect(stored.refreshToken == "r2" && stored.accessToken == "a2" && stored.email == "ana@consult.es")
    stored.update(with: TokenGrant(accessToken: "a3", expiresIn: 60, refreshToken: nil, email: nil), now: Date())
    #expect(stored.refreshToken == "r2" && stored.accessToken == "a3" && stored.email == "ana@consult.es")
  }

  @Test(arguments: [(3600, 3539.0, true), (3600, 3541.0, false), (6, 2.9, true), (6, 3.1, false), (60, 0, true)])
  func anAccessTokenIsRenewedShortlyBeforeItRunsOut(lifetime: Int, elapsed: TimeInterval, holds: Bool) {
    let issued = Date(timeIntervalSince1970: 1_800_000_000)
    #expect(login(expiresIn: lifetime, at: issued).holds(at: issued.addingTimeInterval(elapsed)) == holds)
    #expect(!login(expiresIn: nil, at: issued).holds(at: issued), "a token of unknown lifetime is renewed each time")
  }
}
