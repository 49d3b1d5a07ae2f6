import Foundation
import SyncProtocol

/// Who is asking: an authenticated token's user, or the local administrator at the command line.
public struct Principal: Sendable, Hashable {
  public var user: String
  public var role: Role
  /// Nil for the command line.
  public var tokenID: String?
  public var tokenExpiresAt: Date?
  /// The peer's IP address, or `cli`.
  public var source: String

  public init(user: String, role: Role, tokenID: String?, tokenExpiresAt: Date?, source: String) {
    self.user = user
    self.role = role
    self.tokenID = tokenID
    self.tokenExpiresAt = tokenExpiresAt
    self.source = source
  }

  /// The operator running `annotty-server` commands on the server host: an admin by file access.
  public static func commandLine() -> Principal {
    let login = ProcessInfo.processInfo.environment["USER"] ?? "operator"
    return Principal(
      user: "cli:\(login)", role: .admin, tokenID: nil, tokenExpiresAt: nil, source: "cli")
  }
}

/// Why a bearer token was refused. All answer the same 401 body; the audit row tells them apart.
public enum AuthenticationFailure: String, Sendable, Error {
  case missing
  case malformed
  case unknown
  case expired
  case idle
  case revoked
}
