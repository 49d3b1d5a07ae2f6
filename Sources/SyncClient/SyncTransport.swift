import SyncProtocol

/// The server as the sync engine sees it; `HTTPTransport` is the real one.
public protocol SyncTransport: Sendable {
  func register(deviceName: String) async throws -> RegisterClientResponse
  func push(project: String, _ request: PushRequest) async throws -> PushResponse
  func pull(project: String, after: Int64, limit: Int) async throws -> ChangesPage
  func whoami() async throws -> WhoAmI
}

/// Why a sync step failed.
public enum SyncError: Error, Sendable, CustomStringConvertible {
  /// The server could not be reached or the connection broke; retrying is safe.
  case network(String)
  /// The server answered with an error body.
  case server(status: Int, APIError)
  /// The server answered something that is not the protocol.
  case protocolViolation(String)
  /// The workspace has no server or project yet.
  case notConfigured(String)

  public var description: String {
    switch self {
    case .network(let message): return "cannot reach the server: \(message)"
    case .server(let status, let error):
      return "the server answered \(status) \(error.error): \(error.message)"
    case .protocolViolation(let message): return "the server broke the protocol: \(message)"
    case .notConfigured(let message): return message
    }
  }

  /// Whether trying again later may succeed (network trouble, 5xx, 429).
  public var isTransient: Bool {
    switch self {
    case .network: return true
    case .server(let status, _): return status >= 500 || status == 429
    case .protocolViolation, .notConfigured: return false
    }
  }
}
