import Foundation
import GRDB
import SyncProtocol

extension SQLiteServerStore {
  public func authenticate(token: String, source: String) async throws -> Result<
    Principal, AuthenticationFailure
  > {
    guard AccessToken.isWellFormed(token) else {
      try await recordAuthenticationFailure(.malformed, source: source)
      return .failure(.malformed)
    }
    let digest = AccessToken.digest(of: token)
    let now = clock()
    let row = try await pool.read { db -> TokenRow? in
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT t.id, t.user_name, t.digest, t.expires_at, t.last_used_at, t.revoked_at, u.role
          FROM token t JOIN user u ON u.name = t.user_name WHERE t.digest = ?
          """, arguments: [digest])
      return row.map { row in
        TokenRow(
          id: row["id"], user: row["user_name"], digest: row["digest"], role: row["role"],
          expiresAt: Date(timeIntervalSince1970: row["expires_at"]),
          lastUsedAt: Date(timeIntervalSince1970: row["last_used_at"]),
          revoked: (row["revoked_at"] as Double?) != nil)
      }
    }
    guard let row, AccessToken.constantTimeEqual(row.digest, digest),
      let role = Role(rawValue: row.role)
    else {
      try await recordAuthenticationFailure(.unknown, source: source)
      return .failure(.unknown)
    }
    let expiresAt = row.expiresAt
    let lastUsed = row.lastUsedAt
    let principal = Principal(
      user: row.user, role: role, tokenID: row.id, tokenExpiresAt: expiresAt, source: source)
    let failure: AuthenticationFailure? =
      if row.revoked {
        .revoked
      } else if now >= expiresAt {
        .expired
      } else if now.timeIntervalSince(lastUsed) >= idleTimeout {
        .idle
      } else {
        nil
      }
    if let failure {
      try await pool.write { db in
        var entry = AuditEntry(principal: principal, action: "auth.failed", outcome: "denied")
        entry.code = failure.rawValue
        try self.appendAudit(entry, db)
      }
      return .failure(failure)
    }
    // Idle expiry needs only coarse precision; writing on every request would serialize reads.
    if now.timeIntervalSince(lastUsed) >= min(60, idleTimeout / 2) {
      try await pool.write { db in
        try db.execute(
          sql: "UPDATE token SET last_used_at = ? WHERE id = ?",
          arguments: [now.timeIntervalSince1970, principal.tokenID])
      }
    }
    return .success(principal)
  }

  public func recordAuthenticationFailure(_ failure: AuthenticationFailure, source: String)
    async throws
  {
    try await pool.write { db in
      try self.appendAudit(
        AuditEntry(
          anonymousFrom: source, action: "auth.failed", outcome: "denied", code: failure.rawValue),
        db)
    }
  }

  /// Inserts a token row for `user` and returns the token, shown this once.
  func insertToken(_ db: Database, user: String, lifetime: TimeInterval, by principal: Principal)
    throws -> IssuedToken
  {
    let token = AccessToken.generate()
    let id = RandomID.make("t-")
    let now = clock()
    let expiresAt = now.addingTimeInterval(lifetime)
    try db.execute(
      sql: """
        INSERT INTO token(id, user_name, digest, created_at, expires_at, last_used_at)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        id, user, AccessToken.digest(of: token), now.timeIntervalSince1970,
        expiresAt.timeIntervalSince1970, now.timeIntervalSince1970,
      ])
    var entry = AuditEntry(principal: principal, action: "token.issue", outcome: "success")
    entry.objectID = id
    try appendAudit(entry, db)
    return IssuedToken(user: user, tokenID: id, token: token, expiresAt: Self.iso8601(expiresAt))
  }

  public func createUser(
    _ request: CreateUserRequest, lifetime: TimeInterval, by principal: Principal
  ) async throws -> IssuedToken {
    guard Self.validName(request.name) else {
      throw APIError.badRequest("name: 1 to 64 characters of A-Z a-z 0-9 . _ -")
    }
    guard lifetime > 0 else { throw APIError.badRequest("lifetime must be positive") }
    return try await writeCommitting { db in
      if let denial = try self.administer(db, principal, action: "user.add") {
        return .failure(denial)
      }
      if try Bool.fetchOne(db, sql: "SELECT 1 FROM user WHERE name = ?", arguments: [request.name])
        ?? false
      {
        return .failure(.conflict("a user named \(request.name) exists"))
      }
      try db.execute(
        sql: "INSERT INTO user(name, role, created_at) VALUES (?, ?, ?)",
        arguments: [request.name, request.role.rawValue, Self.iso8601(self.clock())])
      var entry = AuditEntry(principal: principal, action: "user.add", outcome: "success")
      entry.objectID = request.name
      entry.code = request.role.rawValue
      try self.appendAudit(entry, db)
      return .success(
        try self.insertToken(db, user: request.name, lifetime: lifetime, by: principal))
    }
  }

  public func issueToken(
    _ request: IssueTokenRequest, lifetime: TimeInterval, by principal: Principal
  ) async throws -> IssuedToken {
    guard lifetime > 0 else { throw APIError.badRequest("lifetime must be positive") }
    return try await writeCommitting { db in
      if let denial = try self.administer(db, principal, action: "token.issue") {
        return .failure(denial)
      }
      guard
        try Bool.fetchOne(db, sql: "SELECT 1 FROM user WHERE name = ?", arguments: [request.user])
          ?? false
      else { return .failure(.notFound("no user named \(request.user)")) }
      return .success(
        try self.insertToken(db, user: request.user, lifetime: lifetime, by: principal))
    }
  }

  public func revokeToken(id: String, by principal: Principal) async throws {
    try await writeCommitting { db -> Result<Void, APIError> in
      if let denial = try self.administer(db, principal, action: "token.revoke") {
        return .failure(denial)
      }
      guard try Bool.fetchOne(db, sql: "SELECT 1 FROM token WHERE id = ?", arguments: [id]) ?? false
      else { return .failure(.notFound("no token with id \(id)")) }
      try db.execute(
        sql: "UPDATE token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
        arguments: [self.clock().timeIntervalSince1970, id])
      var entry = AuditEntry(principal: principal, action: "token.revoke", outcome: "success")
      entry.objectID = id
      try self.appendAudit(entry, db)
      return .success(())
    }
  }
}

/// A token row as authentication reads it.
struct TokenRow: Sendable {
  var id: String
  var user: String
  var digest: Data
  var role: String
  var expiresAt: Date
  var lastUsedAt: Date
  var revoked: Bool
}
