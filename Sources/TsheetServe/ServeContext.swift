import HTTPTypes
import Hummingbird
import NIOCore

/// What a request carries through the server: the port it came in on, and the session that signed it in.
package struct ServeContext: RequestContext {
  package var coreContext: CoreRequestContextStorage
  /// The server's own port, as the connection knows it: the Host of every request must name it.
  package let localPort: Int?
  /// The signed-in browser's session, set by `SessionCheck`.
  package var session: Session?

  package init(source: ApplicationRequestContextSource) {
    coreContext = CoreRequestContextStorage(source: source)
    localPort = source.channel.localAddress?.port
  }
}
