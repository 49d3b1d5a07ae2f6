import Foundation
import SyncProtocol

/// The server's storage, at the level of domain operations: each call is one transaction, and
/// each authorizes through `Policy` and writes its audit rows in that same transaction.
/// Failures are `APIError` values whose `error` code the HTTP layer maps to a status.
public protocol ServerStore: Sendable {
  /// The principal behind `token`, or why it is refused (the refusal is audited).
  func authenticate(token: String, source: String) async throws -> Result<
    Principal, AuthenticationFailure
  >
  /// Records a refused request that never reached an operation (no or malformed token).
  func recordAuthenticationFailure(_ failure: AuthenticationFailure, source: String) async throws

  /// A new client id bound to the principal's user.
  func registerClient(_ request: RegisterClientRequest, by principal: Principal) async throws
    -> RegisterClientResponse
  /// Projects the principal can see.
  func projects(visibleTo principal: Principal) async throws -> [Project]
  /// Creates a project (admin).
  func createProject(_ project: Project, by principal: Principal) async throws -> Project
  /// All assignments of the project for an admin; the caller's own for anyone else.
  func assignments(project: String, visibleTo principal: Principal) async throws -> [Assignment]
  /// Assigns a study, or one series of it, to a user (admin).
  func addAssignment(_ assignment: Assignment, project: String, by principal: Principal)
    async throws -> Assignment
  /// Applies a batch in one transaction (reference §3).
  func push(_ request: PushRequest, project: String, by principal: Principal) async throws
    -> PushResponse
  /// Changes after `cursor` in the principal's scope; the cursor passes hidden rows too.
  func changes(project: String, after cursor: Int64, limit: Int, for principal: Principal)
    async throws -> ChangesPage

  /// Adds a user and issues their first token (admin).
  func createUser(_ request: CreateUserRequest, lifetime: TimeInterval, by principal: Principal)
    async throws -> IssuedToken
  /// Issues another token for a user (admin).
  func issueToken(_ request: IssueTokenRequest, lifetime: TimeInterval, by principal: Principal)
    async throws -> IssuedToken
  /// Revokes a token by id (admin); it is refused from the next request on.
  func revokeToken(id: String, by principal: Principal) async throws
  /// Audit rows after `seq` (admin only).
  func auditEvents(after seq: Int64, limit: Int, for principal: Principal) async throws
    -> [AuditEvent]
  /// Recomputes the whole audit chain.
  func verifyAuditChain() async throws -> AuditChain.Verification
}

/// Defaults for token lifetimes.
public enum TokenLifetime {
  /// Absolute lifetime: 90 days.
  public static let defaultLifetime: TimeInterval = 90 * 24 * 3600
  /// Unused for this long, a token stops working: 12 hours.
  public static let defaultIdleTimeout: TimeInterval = 12 * 3600
}

extension APIError {
  static func notFound(_ what: String = "no such object") -> APIError {
    APIError(error: "not_found", message: what)
  }

  static func badRequest(_ message: String) -> APIError {
    APIError(error: "bad_request", message: message)
  }

  static func conflict(_ message: String) -> APIError {
    APIError(error: "conflict", message: message)
  }

  static let unauthorized = APIError(
    error: "unauthorized", message: "missing, unknown, expired or revoked token")
}
