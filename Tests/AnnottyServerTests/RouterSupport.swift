import Foundation
import Hummingbird
import HummingbirdTesting
import SyncProtocol

@testable import AnnottyServer

/// Requests through the real router, in process.
extension Fixture {
  func withRouter<Value: Sendable>(
    _ body: @Sendable (any TestClientProtocol) async throws -> Value
  ) async throws -> Value {
    let app = Application(router: SyncAPI(store: store).makeRouter())
    return try await app.test(.router) { client in try await body(client) }
  }
}

extension TestClientProtocol {
  /// Sends `body` (already JSON) with `token` as bearer, if any.
  func send(
    _ method: HTTPRequest.Method, _ uri: String, token: String?, body: String? = nil
  ) async throws -> TestResponse {
    var headers: HTTPFields = [.contentType: "application/json"]
    if let token { headers[.authorization] = "Bearer \(token)" }
    return try await execute(
      uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
  }
}

extension TestResponse {
  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try SyncJSON.decoder().decode(type, from: Data(body.readableBytesView))
  }
}

func json(_ value: some Encodable) throws -> String {
  String(decoding: try SyncJSON.encoder().encode(value), as: UTF8.self)
}
