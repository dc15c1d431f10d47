import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// One connection of `tsheet serve`: Hummingbird's HTTP/1 channel, with what guards every request before any
/// route sees it. An absolute-form request target names its own host (`AbsoluteFormHost`), every response
/// carries the security headers (`SecurityHeaders`), the parser's own 400 included, and a connection that
/// sends no whole request head within `idleTimeout` (or idles that long between requests) is closed.
struct ServeChannel: ServerChildChannel, HTTPChannelHandler {
  typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

  let responder: HTTPChannelHandler.Responder
  /// How long a connection may go without a whole request part before it is closed.
  let idleTimeout: Duration

  func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
    channel.eventLoop.makeCompletedFuture {
      let pipeline = channel.pipeline.syncOperations
      try pipeline.configureHTTPServerPipeline(
        withPipeliningAssistance: false, withErrorHandling: false, withOutboundHeaderValidation: false,
        withEncoderConfiguration: .init(), withDecoderLimitConfiguration: .init())
      try pipeline.addHandler(AbsoluteFormHost())
      try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
      try pipeline.addHandler(SecurityHeaders())
      try pipeline.addHandler(HTTPConnectionStateHandler(idleTimeout: idleTimeout, logger: logger))
      return try NIOAsyncChannel(
        wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
    }
  }

  func handle(value: Value, logger: Logger) async {
    await handleHTTP(asyncChannel: value, logger: logger)
  }
}

/// Makes a request whose target is a whole URI (`GET http://other.example/ HTTP/1.1`) name that URI's host in
/// its Host, as HTTP/1.1 asks of a server (RFC 9112 §3.2.2): the Host check then judges the host it asked for,
/// which the HTTP types would otherwise drop while keeping the Host header.
package final class AbsoluteFormHost: ChannelInboundHandler, RemovableChannelHandler {
  package typealias InboundIn = HTTPServerRequestPart
  package typealias InboundOut = HTTPServerRequestPart

  package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard case .head(var head) = unwrapInboundIn(data), !head.uri.hasPrefix("/") else {
      context.fireChannelRead(data)
      return
    }
    head.headers.remove(name: "Host")
    head.headers.add(name: "Host", value: Self.authority(of: head.uri))
    context.fireChannelRead(wrapInboundOut(.head(head)))
  }

  /// The authority of `target` (`other.example:80` in `http://user@other.example:80/x`); empty when it has none.
  package static func authority(of target: String) -> String {
    guard let start = target.firstRange(of: "://") else { return "" }
    let rest = target[start.upperBound...]
    let authority = rest.prefix { !"/?#".contains($0) }
    return String(authority.split(separator: "@", omittingEmptySubsequences: false).last ?? "")
  }
}
