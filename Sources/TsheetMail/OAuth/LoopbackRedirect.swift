import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// The redirect target of a sign-in: an HTTP listener on 127.0.0.1, on a port the system picks, that waits
/// for the one request carrying the sign-in's answer (its state), says to the browser that it may close, and
/// stops. Any other request is answered "Not found." and changes nothing.
package final class LoopbackRedirect: Sendable {
  package let port: Int
  private let channel: any Channel
  private let answer: Answer

  /// A listener for the answer to the sign-in whose state is `state`.
  package init(state: String) throws(OAuthError) {
    let promise = Answer(MultiThreadedEventLoopGroup.singleton.next().makePromise(of: RedirectQuery.self))
    do {
      channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        .childChannelInitializer { channel in
          channel.pipeline.configureHTTPServerPipeline().flatMap {
            channel.pipeline.addHandler(RedirectHandler(answer: promise, state: state))
          }
        }
        .bind(host: "127.0.0.1", port: 0).wait()
    } catch {
      throw .listener("\(error)")
    }
    port = channel.localAddress?.port ?? 0
    answer = promise
  }

  /// The answer's query, waiting at most `seconds`.
  package func query(within seconds: Int) throws(OAuthError) -> RedirectQuery {
    let deadline = channel.eventLoop.scheduleTask(in: .seconds(Int64(seconds))) { [answer] in
      answer.complete(.failure(OAuthError.expired(seconds: seconds)))
    }
    defer {
      deadline.cancel()
      channel.close(promise: nil)
    }
    do { return try answer.promise.futureResult.wait() } catch let error as OAuthError { throw error } catch {
      throw .listener("\(error)")
    }
  }
}

/// The promise of the sign-in's answer, completed once: by the first answer, or by the deadline.
private final class Answer: Sendable {
  let promise: EventLoopPromise<RedirectQuery>
  private let done = NIOLockedValueBox(false)

  init(_ promise: EventLoopPromise<RedirectQuery>) { self.promise = promise }

  func complete(_ result: Result<RedirectQuery, any Error>) {
    guard
      done.withLockedValue({ done in
        defer { done = true }
        return !done
      })
    else { return }
    promise.completeWith(result)
  }
}

/// Answers each request; the first that carries the sign-in's state completes the promise.
private final class RedirectHandler: ChannelInboundHandler, Sendable {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart
  let answer: Answer
  let state: String

  init(answer: Answer, state: String) {
    self.answer = answer
    self.state = state
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard case .head(let head) = unwrapInboundIn(data) else { return }
    let query = RedirectQuery(target: head.uri)
    let isAnswer = query.isAnswer(to: state)
    let text = isAnswer ? "tsheet has the answer; you may close this window.\n" : "Not found.\n"
    var headers = HTTPHeaders([
      ("Content-Type", "text/plain; charset=utf-8"), ("Connection", "close"),
      ("Content-Length", "\(text.utf8.count)"),
    ])
    headers.add(name: "Cache-Control", value: "no-store")
    context.write(
      wrapOutboundOut(
        .head(
          HTTPResponseHead(
            version: head.version,
            status: isAnswer ? .ok : .notFound,
            headers: headers))), promise: nil)
    context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
    let channel = context.channel
    context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    if isAnswer { answer.complete(.success(query)) }
  }
}
