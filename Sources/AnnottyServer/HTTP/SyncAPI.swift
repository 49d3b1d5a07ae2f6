import Foundation
import Hummingbird
import SyncProtocol

/// The `/v1` routes over a `ServerStore`. Every route authenticates first; every decision past
/// that is the store's, through `Policy`.
public struct SyncAPI: Sendable {
  let store: any ServerStore

  public init(store: any ServerStore) {
    self.store = store
  }

  /// A router with every route and the error mapping.
  public func makeRouter() -> Router<ServerRequestContext> {
    let router = Router(context: ServerRequestContext.self)
    // Middleware first: Hummingbird wraps each route with the middleware present when it is added.
    router.middlewares.add(APIErrorMiddleware())
    let v1 = router.group("v1")
    v1.get("whoami") { request, context in
      let principal = try await authenticate(request, context)
      return JSONResponse.make(
        WhoAmI(
          user: principal.user, role: principal.role, tokenID: principal.tokenID ?? "",
          tokenExpiresAt: principal.tokenExpiresAt.map(SQLiteServerStore.iso8601) ?? ""))
    }
    v1.post("clients") { request, context in
      let principal = try await authenticate(request, context)
      let body = try await decode(RegisterClientRequest.self, request, context)
      return JSONResponse.make(try await store.registerClient(body, by: principal))
    }
    v1.get("projects") { request, context in
      let principal = try await authenticate(request, context)
      return JSONResponse.make(try await store.projects(visibleTo: principal))
    }
    v1.post("projects") { request, context in
      let principal = try await authenticate(request, context)
      let body = try await decode(Project.self, request, context)
      return JSONResponse.make(try await store.createProject(body, by: principal), status: .created)
    }
    v1.get("projects/:project/assignments") { request, context in
      let principal = try await authenticate(request, context)
      let project = try context.parameters.require("project")
      return JSONResponse.make(try await store.assignments(project: project, visibleTo: principal))
    }
    v1.post("projects/:project/assignments") { request, context in
      let principal = try await authenticate(request, context)
      let project = try context.parameters.require("project")
      let body = try await decode(Assignment.self, request, context)
      return JSONResponse.make(
        try await store.addAssignment(body, project: project, by: principal), status: .created)
    }
    v1.post("projects/:project/push") { request, context in
      let principal = try await authenticate(request, context)
      let project = try context.parameters.require("project")
      let body = try await decode(PushRequest.self, request, context)
      return JSONResponse.make(try await store.push(body, project: project, by: principal))
    }
    v1.get("projects/:project/changes") { request, context in
      let principal = try await authenticate(request, context)
      let project = try context.parameters.require("project")
      let after = try integer(request, "after", default: 0)
      let limit = try integer(request, "limit", default: Int64(SyncLimits.maximumPageChanges))
      return JSONResponse.make(
        try await store.changes(
          project: project, after: after, limit: Int(clamping: limit), for: principal))
    }
    v1.post("users") { request, context in
      let principal = try await authenticate(request, context)
      let body = try await decode(CreateUserRequest.self, request, context)
      return JSONResponse.make(
        try await store.createUser(body, lifetime: TokenLifetime.defaultLifetime, by: principal),
        status: .created)
    }
    v1.post("tokens") { request, context in
      let principal = try await authenticate(request, context)
      let body = try await decode(IssueTokenRequest.self, request, context)
      return JSONResponse.make(
        try await store.issueToken(body, lifetime: TokenLifetime.defaultLifetime, by: principal),
        status: .created)
    }
    v1.delete("tokens/:token") { request, context in
      let principal = try await authenticate(request, context)
      try await store.revokeToken(id: try context.parameters.require("token"), by: principal)
      return Response(status: .noContent)
    }
    v1.get("audit") { request, context in
      let principal = try await authenticate(request, context)
      let after = try integer(request, "after", default: 0)
      let limit = try integer(request, "limit", default: Int64(SyncLimits.maximumPageChanges))
      return JSONResponse.make(
        try await store.auditEvents(after: after, limit: Int(clamping: limit), for: principal))
    }
    return router
  }

  /// The principal behind the bearer token; any refusal is one 401 body.
  func authenticate(_ request: Request, _ context: ServerRequestContext) async throws -> Principal {
    guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
      try await store.recordAuthenticationFailure(.missing, source: context.peer)
      throw APIError.unauthorized
    }
    let token = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
    switch try await store.authenticate(token: token, source: context.peer) {
    case .success(let principal): return principal
    case .failure: throw APIError.unauthorized
    }
  }

  /// Reads at most 1 MiB and decodes it; a decoding failure names the field.
  func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: ServerRequestContext)
    async throws -> T
  {
    let buffer = try await request.body.collect(upTo: context.maxUploadSize)
    do {
      return try SyncJSON.decoder().decode(type, from: Data(buffer.readableBytesView))
    } catch let error as DecodingError {
      throw APIError.badRequest(Self.describe(error))
    } catch {
      throw APIError.badRequest("the body is not JSON")
    }
  }

  func integer(_ request: Request, _ name: String, default value: Int64) throws -> Int64 {
    guard let text = request.uri.queryParameters[Substring(name)] else { return value }
    guard let number = Int64(text) else {
      throw APIError.badRequest("\(name) must be an integer")
    }
    return number
  }

  /// Names the failing field the way the wire spells it: `mutations[0].client_seq: missing`.
  static func describe(_ error: DecodingError) -> String {
    func field(_ path: [any CodingKey]) -> String {
      var text = ""
      for key in path {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += (text.isEmpty ? "" : ".") + snakeCase(key.stringValue)
        }
      }
      return text.isEmpty ? "body" : text
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "\(field(context.codingPath + [key])): missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "\(field(context.codingPath)): wrong type or null"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty
        ? "the body is not valid JSON, or a number is out of range"
        : "\(field(context.codingPath)): invalid value"
    @unknown default:
      return "the body could not be decoded"
    }
  }

  static func snakeCase(_ key: String) -> String {
    var result = ""
    for character in key {
      if character.isUppercase {
        result += "_" + character.lowercased()
      } else {
        result.append(character)
      }
    }
    return result
  }
}
