import Foundation
import Hummingbird
import SyncProtocol

/// Turns every error into an `APIError` body with its status, so clients parse one shape; a
/// storage failure answers 500 without echoing anything of the request.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as APIError {
      return JSONResponse.make(error, status: Self.status(for: error.error))
    } catch let error as any HTTPResponseError {
      let body =
        switch error.status {
        case .notFound: APIError.notFound("no such route")
        case .contentTooLarge: APIError(error: "too_large", message: "request body over 1 MiB")
        case .methodNotAllowed: APIError.notFound("no such route")
        default: APIError.badRequest("the request could not be read")
        }
      return JSONResponse.make(body, status: Self.status(for: body.error))
    } catch {
      context.logger.error("internal error: \(String(describing: type(of: error)))")
      return JSONResponse.make(
        APIError(error: "internal", message: "the server failed; the request was not applied"),
        status: .internalServerError)
    }
  }

  static func status(for code: String) -> HTTPResponse.Status {
    switch code {
    case "unauthorized": .unauthorized
    case "not_found": .notFound
    case "bad_request": .badRequest
    case "too_large": .contentTooLarge
    case "gap", "client_reset_required", "conflict": .conflict
    case "unsupported_protocol": .unprocessableContent
    default: .internalServerError
    }
  }
}

/// JSON responses in the wire's conventions.
enum JSONResponse {
  static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
    let data = (try? SyncJSON.encoder().encode(value)) ?? Data("{}".utf8)
    return Response(
      status: status, headers: [.contentType: "application/json"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }
}
