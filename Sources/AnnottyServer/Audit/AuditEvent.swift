/// One row of the append-only audit trail. No PHI: ids, actions, outcomes, hashes.
public struct AuditEvent: Codable, Sendable, Hashable {
  public var seq: Int64
  public var serverTime: String
  public var actor: String?
  public var role: String?
  public var tokenID: String?
  public var clientID: String?
  /// The peer's IP address, or `cli`.
  public var source: String
  /// `annotation.update`, `auth.failed`, `token.revoke`...
  public var action: String
  /// `success`, `denied`, `conflict`, `rejected`.
  public var outcome: String
  /// Why, for anything but success: `not_owner`, `expired`...
  public var code: String?
  public var project: String?
  public var objectID: String?
  public var objectRevision: Int?
  /// HMAC of the StudyInstanceUID under the server's key: linkable, not readable.
  public var studyHash: String?
  public var mutationID: String?
  public var clientSeq: Int64?
  public var beforeHash: String?
  public var afterHash: String?
  public var prevHash: String
  public var entryHash: String

  enum CodingKeys: String, CodingKey {
    case seq, serverTime, actor, role, source, action, outcome, code, project, objectRevision
    case studyHash, clientSeq, beforeHash, afterHash, prevHash, entryHash
    case tokenID = "tokenId"
    case clientID = "clientId"
    case objectID = "objectId"
    case mutationID = "mutationId"
  }
}

/// An audit row before the log numbers and chains it.
struct AuditEntry: Sendable {
  var principal: Principal?
  var clientID: String? = nil
  var source: String
  var action: String
  var outcome: String
  var code: String? = nil
  var project: String? = nil
  var objectID: String? = nil
  var objectRevision: Int? = nil
  var studyHash: String? = nil
  var mutationID: String? = nil
  var clientSeq: Int64? = nil
  var beforeHash: String? = nil
  var afterHash: String? = nil

  init(principal: Principal, action: String, outcome: String, code: String? = nil) {
    self.principal = principal
    self.source = principal.source
    self.action = action
    self.outcome = outcome
    self.code = code
  }

  init(anonymousFrom source: String, action: String, outcome: String, code: String?) {
    self.principal = nil
    self.source = source
    self.action = action
    self.outcome = outcome
    self.code = code
  }
}
