/// A browser signed in with the token: its cookie's value, and the token its forms must carry (CSRF).
package struct Session: Sendable, Equatable {
  /// The session cookie's value.
  package let id: String
  /// What every form of this session sends back, which a page of another site cannot know.
  package let formToken: String
}

/// Who may see the pages: whoever opens the address printed at start, once (the token is then spent), and
/// the browsers signed in since, until the server stops. Nothing is written to disk.
package actor SignIn {
  /// The sign-in token, printed with the address; nil once a browser has used it.
  private var token: String?
  private var sessions: [String: Session] = [:]

  /// A sign-in waiting for `token` (by default a new random one).
  package init(token: String = SignIn.randomToken()) {
    self.token = token
  }

  /// The token to print; nil once spent.
  package var unspentToken: String? { token }

  /// A new session for the browser that brings the token; nil when `offered` is not the token, or it was spent.
  /// When the method returns a session, the token is spent.
  package func signIn(offering offered: String) -> Session? {
    guard let token, SignIn.same(offered, token) else { return nil }
    self.token = nil
    let session = Session(id: SignIn.randomToken(), formToken: SignIn.randomToken())
    sessions[session.id] = session
    return session
  }

  /// Whether `offered` is the token, unspent; nothing is spent.
  package func accepts(_ offered: String) -> Bool {
    token.map { SignIn.same(offered, $0) } ?? false
  }

  /// The session whose cookie holds `id`, if it is signed in.
  package func session(_ id: String) -> Session? {
    sessions.first { SignIn.same($0.key, id) }?.value
  }

  /// Ends `session`: its cookie opens nothing any more.
  package func signOut(_ session: Session) {
    sessions[session.id] = nil
  }

  /// 32 random bytes from the system's generator, as 64 hexadecimal digits.
  package static func randomToken() -> String {
    var generator = SystemRandomNumberGenerator()
    let digits = Array("0123456789abcdef")
    return String((0..<64).map { _ in digits[Int(generator.next() & 15)] })
  }

  /// Whether `a` and `b` are the same, in a time that tells nothing of where they differ.
  static func same(_ a: String, _ b: String) -> Bool {
    let (a, b) = (Array(a.utf8), Array(b.utf8))
    guard a.count == b.count else { return false }
    return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
  }
}
