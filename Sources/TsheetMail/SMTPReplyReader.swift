import NIOCore
import TsheetTLS

/// One SMTP reply: its code and text lines (`250-SIZE` … `250 HELP` gives code 250 and both lines).
struct SMTPReply: Sendable {
  let code: Int
  let lines: [String]

  /// The reply as the server wrote it, on one line and at most 300 characters, for messages to the user.
  var text: String { text(hiding: []) }

  /// `text`, with each of `secrets` (a password, a token, what carried them) written `[hidden]`: a server may
  /// echo what it was sent.
  func text(hiding secrets: [String]) -> String {
    var text = "\(code) " + lines.joined(separator: " / ")
    for secret in secrets where !secret.isEmpty { text = text.replacing(secret, with: "[hidden]") }
    return text.count > 300 ? String(text.prefix(299)) + "…" : text
  }
}

/// Collects the server's lines (split by `LineBasedFrameDecoder`) into replies and hands them out one at a
/// time, each with a deadline. Lives on the channel's event loop.
final class SMTPReplyReader: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer

  /// The server's name, which its certificate must hold.
  private let host: String
  private var pending: [String] = []
  private var waiter: (promise: EventLoopPromise<SMTPReply>, timeout: Scheduled<Void>, step: SMTPStep)?
  private var failure: SendError?

  init(host: String) { self.host = host }

  /// At most this many bytes in a reply line (RFC 5321 allows 512) and lines in a reply: a server that sends
  /// more is refused, not read into memory without end.
  static let maxLineBytes = 65536
  static let maxLines = 1000

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    pending.append(String(buffer: unwrapInboundIn(data)))
    guard pending.count <= Self.maxLines else {
      return refuse("a reply of more than \(Self.maxLines) lines", context: context)
    }
    deliver()
  }

  func channelInactive(context: ChannelHandlerContext) {
    fail(with: nil)
    context.fireChannelInactive()
  }

  /// A TLS error explains the closing that follows; any other error (a reset connection, a reply line too
  /// long to read) is the connection closing in the middle of a step.
  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if error is ByteToMessageDecoderError.PayloadTooLargeError {
      return refuse("a reply line longer than \(Self.maxLineBytes / 1024) KB", context: context)
    }
    fail(with: TLSRefusal(error, host: host).map(SendError.tls))
    context.close(promise: nil)
  }

  /// Fails the step with the server's reply described as `what`, and closes the connection.
  private func refuse(_ what: String, context: ChannelHandlerContext) {
    pending.removeAll()
    fail(with: .refused(step: waiter?.step ?? .conversation, reply: what))
    context.close(promise: nil)
  }

  /// The next complete reply, failing with `SendError.timeout` after `timeout`.
  func nextReply(on eventLoop: any EventLoop, step: SMTPStep, timeout: TimeAmount) -> EventLoopFuture<SMTPReply> {
    let promise = eventLoop.makePromise(of: SMTPReply.self)
    let deadline = eventLoop.scheduleTask(in: timeout) { [weak self] in
      self?.waiter = nil
      promise.fail(SendError.timeout(step: step))
    }
    waiter = (promise, deadline, step)
    deliver()
    return promise.futureResult
  }

  private func deliver() {
    guard let waiter else { return }
    if let failure {
      // A connection that closed is told as closing during the step that waited for it.
      let error: SendError = if case .closed = failure { .closed(step: waiter.step) } else { failure }
      finish(waiter, with: .failure(error))
      return
    }
    // A reply ends at the first line whose fourth character is not "-".
    guard let end = pending.firstIndex(where: { $0.count < 4 || $0[$0.index($0.startIndex, offsetBy: 3)] != "-" })
    else { return }
    let lines = Array(pending[...end])
    pending.removeFirst(end + 1)
    guard let code = Int(lines[end].prefix(3)) else {
      finish(waiter, with: .failure(.refused(step: waiter.step, reply: "unreadable reply '\(lines[end])'")))
      return
    }
    finish(waiter, with: .success(SMTPReply(code: code, lines: lines.map { String($0.dropFirst(4)) })))
  }

  /// Fails the waiting step, and every later one, with `error` (a closed connection when nil).
  private func fail(with error: SendError?) {
    if let error {
      failure = error  // a TLS failure explains the closing that follows or precedes it
    } else if failure == nil {
      failure = .closed(step: .conversation)
    }
    deliver()
  }

  private func finish(
    _ waiter: (promise: EventLoopPromise<SMTPReply>, timeout: Scheduled<Void>, step: SMTPStep),
    with result: Result<SMTPReply, SendError>
  ) {
    self.waiter = nil
    waiter.timeout.cancel()
    waiter.promise.completeWith(result.mapError { $0 as any Error })
  }
}
