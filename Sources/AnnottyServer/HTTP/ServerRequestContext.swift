import Hummingbird
import SyncProtocol

/// The request context: Hummingbird's core storage, the peer's address for audit rows, and the
/// push body limit.
public struct ServerRequestContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// The peer's IP address, or `unknown` (in-process router tests).
  public let peer: String

  public init(source: ApplicationRequestContextSource) {
    self.coreContext = .init(source: source)
    self.peer = source.channel.remoteAddress?.ipAddress ?? "unknown"
  }

  public var maxUploadSize: Int { SyncLimits.maximumPushBytes }
}
