import Foundation
import SyncProtocol

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The sync API over HTTP with a bearer token.
public struct HTTPTransport: SyncTransport {
  public let baseURL: URL
  private let token: String
  private let session: URLSession

  /// `baseURL` is the server's root (`http://127.0.0.1:8080`); requests go under `/v1`.
  public init(baseURL: URL, token: String, timeout: TimeInterval = 30) {
    self.baseURL = baseURL
    self.token = token
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout * 4
    session = URLSession(configuration: configuration)
  }

  public func register(deviceName: String) async throws -> RegisterClientResponse {
    try await send("POST", "/v1/clients", body: RegisterClientRequest(deviceName: deviceName))
  }

  public func push(project: String, _ request: PushRequest) async throws -> PushResponse {
    try await send("POST", "/v1/projects/\(Self.escape(project))/push", body: request)
  }

  public func pull(project: String, after: Int64, limit: Int) async throws -> ChangesPage {
    try await send(
      "GET", "/v1/projects/\(Self.escape(project))/changes?after=\(after)&limit=\(limit)",
      body: Optional<PushRequest>.none)
  }

  public func whoami() async throws -> WhoAmI {
    try await send("GET", "/v1/whoami", body: Optional<PushRequest>.none)
  }

  private func send<Body: Encodable, Answer: Decodable>(
    _ method: String, _ path: String, body: Body?
  ) async throws -> Answer {
    guard let url = URL(string: path, relativeTo: baseURL) else {
      throw SyncError.notConfigured("not a server address: \(baseURL)\(path)")
    }
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    if let body {
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
      request.httpBody = try SyncJSON.encoder().encode(body)
    }
    let data: Data
    let response: URLResponse
    do {
      (data, response) = try await session.data(for: request)
    } catch {
      throw SyncError.network(error.localizedDescription)
    }
    guard let http = response as? HTTPURLResponse else {
      throw SyncError.protocolViolation("not an HTTP response")
    }
    guard (200..<300).contains(http.statusCode) else {
      let error =
        (try? SyncJSON.decoder().decode(APIError.self, from: data))
        ?? APIError(
          error: "http_\(http.statusCode)",
          message: String(decoding: data.prefix(200), as: UTF8.self))
      throw SyncError.server(status: http.statusCode, error)
    }
    do {
      return try SyncJSON.decoder().decode(Answer.self, from: data)
    } catch {
      throw SyncError.protocolViolation("\(Answer.self): \(error)")
    }
  }

  private static func escape(_ component: String) -> String {
    component.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"]))
      ?? component
  }
}
