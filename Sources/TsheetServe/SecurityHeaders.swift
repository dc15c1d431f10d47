import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Adds to every response head that leaves a connection, the parser's own 400 included, what keeps a page to
/// itself: a Content-Security-Policy that loads nothing from outside and runs no script, no framing, no sniffing,
/// no referrer to another site. A response that set its own policy (the email's frame) keeps it.
final class SecurityHeaders: ChannelOutboundHandler, RemovableChannelHandler {
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  /// Only this server's stylesheet, forms and frames (the emails' own, under their own policy); no script, no
  /// outside font, image or connection, and no page of another site may frame these.
  static let policy =
    "default-src 'none'; style-src 'self'; img-src 'self'; frame-src 'self'; form-action 'self'; "
    + "frame-ancestors 'none'; base-uri 'none'"

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    guard case .head(var head) = unwrapOutboundIn(data) else {
      context.write(data, promise: promise)
      return
    }
    if head.headerFields[.contentSecurityPolicy] == nil { head.headerFields[.contentSecurityPolicy] = Self.policy }
    head.headerFields[.xContentTypeOptions] = "nosniff"
    if head.headerFields[.xFrameOptions] == nil { head.headerFields[.xFrameOptions] = "DENY" }
    // Not `no-referrer`: under it a browser sends a form's Origin as `null`, and SessionCheck must see its own.
    head.headerFields[.referrerPolicy] = "same-origin"
    context.write(wrapOutboundOut(.head(head)), promise: promise)
  }
}

extension HTTPField.Name {
  static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
  static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
  static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
  /// Sent by a browser that loads a page ahead of its user (`prefetch`); `Purpose` is the older name.
  static let secPurpose = HTTPField.Name("Sec-Purpose")!
  static let purpose = HTTPField.Name("Purpose")!
}
