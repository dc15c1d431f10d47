import Foundation

/// A device authorization (RFC 8628): the code the user types on another device, and how to wait for it.
package struct DeviceCode: Sendable {
  /// What the user types, and where.
  package let userCode: String, verificationURI: String
  let deviceCode: String
  /// Seconds the code holds, and between polls.
  package let expiresIn: Int
  let interval: Int
}

extension OAuthClient {
  /// Asks the device endpoint for a user code.
  package func startDeviceSignIn() throws(OAuthError) -> DeviceCode {
    guard let url = provider.deviceURL else { throw .noDeviceFlow(provider: provider.name) }
    let json = try post(url, [("scope", provider.scopes.joined(separator: " "))])
    // Google says verification_url, the RFC verification_uri.
    guard let device = json["device_code"] as? String, TokenGrant.isToken(device),
      let user = json["user_code"] as? String, (1...64).contains(user.count),
      let uri = (json["verification_uri"] ?? json["verification_url"]) as? String,
      (try? Self.checkSecure(uri)) != nil
    else {
      throw .unreadableAnswer(url: url, status: 200, reason: "no device_code, user_code or https verification_uri")
    }
    return DeviceCode(
      userCode: user.shown, verificationURI: uri.shown, deviceCode: device,
      expiresIn: min(TokenGrant.seconds(json["expires_in"]) ?? 900, 1800),
      interval: max(1, min(TokenGrant.seconds(json["interval"]) ?? 5, 60)))
  }

  /// Polls the token endpoint until the user has signed in, waiting `interval` seconds between polls and 5
  /// more after each `slow_down`, and giving up when the code expires.
  package func finishDeviceSignIn(_ code: DeviceCode) throws(OAuthError) -> TokenGrant {
    let deadline = Date().addingTimeInterval(TimeInterval(code.expiresIn))
    var interval = code.interval
    while true {
      let wake = Date().addingTimeInterval(TimeInterval(interval))
      guard wake < deadline else { throw .expired(seconds: code.expiresIn) }
      Thread.sleep(until: wake)
      do {
        return try TokenGrant(
          json: post(
            provider.tokenURL,
            [
              ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"), ("device_code", code.deviceCode),
            ]), url: provider.tokenURL)
      } catch .refused(error: "authorization_pending", _) {
        continue
      } catch .refused(error: "slow_down", _) {
        interval += 5
      } catch .refused(error: "expired_token", _) {
        throw .expired(seconds: code.expiresIn)
      } catch .refused(error: "access_denied", let description) {
        throw .denied(error: "access_denied", description: description)
      }
    }
  }
}
