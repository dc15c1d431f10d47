import Foundation
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL
import TsheetTLS

/// How the connection to the mail server is protected.
package enum SMTPSecurity: String, Sendable, CaseIterable {
  /// Plain connection upgraded with STARTTLS before anything else is said (port 587).
  case starttls
  /// TLS from the first byte (port 465).
  case tls
  /// No TLS: only for a relay on this machine.
  case none
}

/// What proves who tsheet is to the mail server.
package enum SMTPCredential: Sendable {
  case password(String)
  /// An OAuth2 access token, for XOAUTH2 or OAUTHBEARER.
  case token(String)
}

/// Where and how to reach the mail server. The password or token is fetched only when the conversation
/// reaches AUTH, held only in memory, and never written anywhere.
package struct SMTPSettings: Sendable {
  package var host: String
  package var port: Int
  package var security: SMTPSecurity
  package var username: String?
  /// Gives the password or token when AUTH needs it; `renewed` asks for a new token after the server
  /// refused one. Its errors reach the caller as `SendError.credentials`.
  package var credentials: (@Sendable (_ renewed: Bool) throws -> SMTPCredential)?
  /// A PEM file of CA certificates trusted besides the system's (a corporate relay's CA).
  package var caFile: String?
  /// How long connecting, and then each reply, may take.
  package var timeout: TimeAmount

  package init(
    host: String, port: Int, security: SMTPSecurity, username: String? = nil,
    credentials: (@Sendable (_ renewed: Bool) throws -> SMTPCredential)? = nil,
    caFile: String? = nil, timeout: TimeAmount = .seconds(30)
  ) {
    self.host = host
    self.port = port
    self.security = security
    self.username = username
    self.credentials = credentials
    self.caFile = caFile
    self.timeout = timeout
  }
}

/// Sends messages over SMTP (RFC 5321) with STARTTLS or implicit TLS, AUTH PLAIN, LOGIN, OAUTHBEARER or
/// XOAUTH2, certificates verified against the system's trust store and `caFile`.
package struct SMTPTransport: MailTransport {
  package let settings: SMTPSettings

  package init(settings: SMTPSettings) { self.settings = settings }

  package func send(_ message: MIMEMessage) async throws(SendError) -> String {
    let session: SMTPSession
    do {
      session = try await SMTPSession.connect(settings)
    } catch let error as SendError {
      throw error
    } catch {
      throw .connection(host: settings.host, port: settings.port, reason: Self.words(for: error))
    }
    do {
      let words = try await session.deliver(message)
      await session.quit()
      return words
    } catch {
      await session.close()
      throw error
    }
  }

  /// The envelope the server would be given.
  package func preview(_ message: MIMEMessage) -> String {
    "MAIL FROM:<\(message.from.address)>\n" + message.recipients.map { "RCPT TO:<\($0.address)>\n" }.joined()
  }

  /// A connection error in the user's words: `connection refused` rather than a type name.
  static func words(for error: any Error) -> String {
    if let error = error as? NIOConnectionError, let first = error.connectionErrors.first?.error {
      return words(for: first)
    }
    if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
    if error is ChannelError { return "no connection (\(error))" }
    return String(describing: error)
  }
}

/// One conversation with the server, step by step.
struct SMTPSession: Sendable {
  let channel: any Channel
  /// Kept here as well as in the pipeline, which empties when the connection closes: the reader still knows
  /// why it closed.
  let reader: NIOLoopBound<SMTPReplyReader>
  let settings: SMTPSettings

  static func connect(_ settings: SMTPSettings) async throws -> SMTPSession {
    let tls = try settings.security == .none ? nil : makeTLSContext(settings)
    let host = settings.host
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connectTimeout(settings.timeout)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          if settings.security == .tls, let tls {
            try channel.pipeline.syncOperations.addHandler(
              try NIOSSLClientHandler(context: tls, serverHostname: serverName(host)))
          }
          try channel.pipeline.syncOperations.addHandler(
            ByteToMessageHandler(LineBasedFrameDecoder(), maximumBufferSize: SMTPReplyReader.maxLineBytes))
          try channel.pipeline.syncOperations.addHandler(SMTPReplyReader(host: host))
        }
      }
      .connect(host: settings.host, port: settings.port).get()
    let reader = try await channel.eventLoop.submit {
      NIOLoopBound(
        try channel.pipeline.syncOperations.handler(type: SMTPReplyReader.self),
        eventLoop: channel.eventLoop)
    }.get()
    let session = SMTPSession(channel: channel, reader: reader, settings: settings)
    try await session.expect(220, step: .greeting)
    var extensions = try await session.hello()
    if settings.security == .starttls {
      guard extensions.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }), let tls else {
        throw SendError.noStartTLS(host: settings.host)
      }
      try await session.command("STARTTLS", expect: 220, step: .startTLS)
      try await channel.eventLoop.submit {
        try channel.pipeline.syncOperations.addHandler(
          try NIOSSLClientHandler(context: tls, serverHostname: serverName(host)), position: .first)
      }.get()
      extensions = try await session.hello()
    }
    if let username = settings.username, let credentials = settings.credentials {
      try await session.authenticate(username, credentials: credentials, extensions: extensions)
    }
    return session
  }

  /// MAIL FROM, RCPT TO for every recipient, DATA with dot-stuffing.
  /// - Returns: the server's words on accepting the message.
  func deliver(_ message: MIMEMessage) async throws(SendError) -> String {
    try await command("MAIL FROM:<\(message.from.address)>", expect: 250, step: .mailFrom)
    for recipient in message.recipients {
      let reply = try await send("RCPT TO:<\(recipient.address)>", step: .rcptTo)
      guard reply.code == 250 || reply.code == 251 else {
        throw .recipient(address: recipient.address, reply: reply.text)
      }
    }
    try await command("DATA", expect: 354, step: .data)
    var body = message.rendered.split(separator: "\r\n", omittingEmptySubsequences: false)
      .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
    if !body.hasSuffix("\r\n") { body += "\r\n" }
    let reply = try await send(body + ".", step: .endOfData)
    guard reply.code == 250 else { throw .refused(step: .message, reply: reply.text) }
    return reply.text
  }

  /// Says goodbye and closes; errors no longer matter once the message is accepted.
  func quit() async {
    _ = try? await send("QUIT", step: .quit)
    await close()
  }

  func close() async { try? await channel.close() }

  /// EHLO; returns the extensions the server offers.
  private func hello() async throws(SendError) -> [String] {
    let reply = try await send("EHLO \(Self.clientName)", step: .ehlo)
    guard reply.code == 250 else { throw .refused(step: .ehlo, reply: reply.text) }
    return Array(reply.lines.dropFirst())
  }

  private func expect(_ code: Int, step: SMTPStep) async throws(SendError) {
    let reply = try await read(step: step)
    guard reply.code == code else { throw .refused(step: step, reply: reply.text) }
  }

  func command(_ line: String, expect code: Int, step: SMTPStep) async throws(SendError) {
    let reply = try await send(line, step: step)
    guard reply.code == code else {
      throw step == .auth ? .authentication(reply: reply.text) : .refused(step: step, reply: reply.text)
    }
  }

  func send(_ line: String, step: SMTPStep) async throws(SendError) -> SMTPReply {
    do {
      try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n")).get()
    } catch {
      if let refusal = TLSRefusal(error, host: settings.host) { throw .tls(refusal) }
      // The reader knows why the channel went away (a failed TLS handshake, say); ask it.
      _ = try await read(step: step)
      throw .closed(step: step)
    }
    return try await read(step: step)
  }

  private func read(step: SMTPStep) async throws(SendError) -> SMTPReply {
    let eventLoop = channel.eventLoop
    let reader = reader
    let timeout = settings.timeout
    do {
      return try await eventLoop.flatSubmit {
        reader.value.nextReply(on: eventLoop, step: step, timeout: timeout)
      }.get()
    } catch let error as SendError {
      throw error
    } catch {
      throw .closed(step: step)
    }
  }

  /// The name tsheet gives itself in EHLO.
  static let clientName =
    ProcessInfo.processInfo.hostName.contains(".")
    ? ProcessInfo.processInfo.hostName
    : "[127.0.0.1]"
}

/// TLS that verifies the server's certificate against the system's roots and the optional CA file.
private func makeTLSContext(_ settings: SMTPSettings) throws -> NIOSSLContext {
  var configuration = TLSConfiguration.makeClientConfiguration()
  if let caFile = settings.caFile {
    guard FileManager.default.isReadableFile(atPath: caFile) else {
      throw SendError.unreadableCAFile(path: caFile)
    }
    configuration.additionalTrustRoots = [.file(caFile)]
  }
  do {
    return try NIOSSLContext(configuration: configuration)
  } catch {
    throw SendError.tls(TLSRefusal(error, host: settings.host) ?? .failed("\(error)"))
  }
}

/// The name to check the certificate against (SNI); nil for an IP address, which is checked against the
/// certificate's IP addresses instead.
private func serverName(_ host: String) -> String? {
  var ipv4 = in_addr()
  var ipv6 = in6_addr()
  return inet_pton(AF_INET, host, &ipv4) == 1 || inet_pton(AF_INET6, host, &ipv6) == 1 ? nil : host
}
