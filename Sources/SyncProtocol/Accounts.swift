/// What a user may do: annotators edit their own annotations in assigned scope, reviewers read
/// their assigned scope, admins everything.
public enum Role: String, Codable, Sendable, Hashable, CaseIterable {
  case annotator
  case reviewer
  case admin
}

/// `POST /v1/clients`: a device registers before its first push.
public struct RegisterClientRequest: Codable, Sendable, Hashable {
  /// A name for the device, shown to admins (`ws-radiology-3`).
  public var deviceName: String

  public init(deviceName: String) {
    self.deviceName = deviceName
  }
}

public struct RegisterClientResponse: Codable, Sendable, Hashable {
  public var clientID: String
  public var lastClientSeq: Int64

  public init(clientID: String, lastClientSeq: Int64) {
    self.clientID = clientID
    self.lastClientSeq = lastClientSeq
  }

  enum CodingKeys: String, CodingKey {
    case clientID = "clientId"
    case lastClientSeq
  }
}

/// `GET /v1/whoami`.
public struct WhoAmI: Codable, Sendable, Hashable {
  public var user: String
  public var role: Role
  public var tokenID: String
  public var tokenExpiresAt: String

  public init(user: String, role: Role, tokenID: String, tokenExpiresAt: String) {
    self.user = user
    self.role = role
    self.tokenID = tokenID
    self.tokenExpiresAt = tokenExpiresAt
  }

  enum CodingKeys: String, CodingKey {
    case user, role, tokenExpiresAt
    case tokenID = "tokenId"
  }
}

/// A project: the unit of sync and of assignment.
public struct Project: Codable, Sendable, Hashable {
  public var name: String

  public init(name: String) {
    self.name = name
  }
}

/// A study (or one series of it) assigned to a user within a project.
public struct Assignment: Codable, Sendable, Hashable {
  public var user: String
  public var studyInstanceUID: String
  /// Nil assigns the whole study.
  public var seriesInstanceUID: String?

  public init(user: String, studyInstanceUID: String, seriesInstanceUID: String? = nil) {
    self.user = user
    self.studyInstanceUID = studyInstanceUID
    self.seriesInstanceUID = seriesInstanceUID
  }

  enum CodingKeys: String, CodingKey {
    case user
    case studyInstanceUID = "studyInstanceUid"
    case seriesInstanceUID = "seriesInstanceUid"
  }
}

/// `POST /v1/users` (admin).
public struct CreateUserRequest: Codable, Sendable, Hashable {
  public var name: String
  public var role: Role

  public init(name: String, role: Role) {
    self.name = name
    self.role = role
  }
}

/// A token, shown once when issued.
public struct IssuedToken: Codable, Sendable, Hashable {
  public var user: String
  public var tokenID: String
  /// `annotty_` followed by 43 base62 characters (256 random bits) and a 6-character checksum.
  public var token: String
  public var expiresAt: String

  public init(user: String, tokenID: String, token: String, expiresAt: String) {
    self.user = user
    self.tokenID = tokenID
    self.token = token
    self.expiresAt = expiresAt
  }

  enum CodingKeys: String, CodingKey {
    case user, token, expiresAt
    case tokenID = "tokenId"
  }
}

/// `POST /v1/tokens` (admin): a new token for a user.
public struct IssueTokenRequest: Codable, Sendable, Hashable {
  public var user: String

  public init(user: String) {
    self.user = user
  }
}

/// Every error body: a stable code and a sentence. `last_client_seq` comes with `gap` and
/// `client_reset_required`.
public struct APIError: Codable, Sendable, Hashable, Error {
  /// `unauthorized`, `not_found`, `gap`, `client_reset_required`, `too_large`, `bad_request`,
  /// `unsupported_protocol`, `conflict`...
  public var error: String
  public var message: String
  public var lastClientSeq: Int64?

  public init(error: String, message: String, lastClientSeq: Int64? = nil) {
    self.error = error
    self.message = message
    self.lastClientSeq = lastClientSeq
  }
}
