/// The three things a client can do to an annotation.
public enum MutationName: String, Codable, Sendable, Hashable, CaseIterable {
  case createAnnotation
  case updateAnnotation
  case deleteAnnotation
}

/// What an annotation is about, in DICOM terms: the server authorizes by study and series.
public struct AnnotationScope: Codable, Sendable, Hashable {
  public var studyInstanceUID: String
  /// Nil for a study-level classification.
  public var seriesInstanceUID: String?
  public var sopInstanceUID: String?
  public var frame: Int?

  public init(
    studyInstanceUID: String, seriesInstanceUID: String? = nil, sopInstanceUID: String? = nil,
    frame: Int? = nil
  ) {
    self.studyInstanceUID = studyInstanceUID
    self.seriesInstanceUID = seriesInstanceUID
    self.sopInstanceUID = sopInstanceUID
    self.frame = frame
  }

  enum CodingKeys: String, CodingKey {
    case studyInstanceUID = "studyInstanceUid"
    case seriesInstanceUID = "seriesInstanceUid"
    case sopInstanceUID = "sopInstanceUid"
    case frame
  }
}

/// One queued edit as the client sends it.
public struct PushMutation: Codable, Sendable, Hashable {
  /// Gap-free per client, from 1.
  public var clientSeq: Int64
  /// Random; the idempotency key.
  public var mutationID: String
  public var name: MutationName
  public var annotationID: String
  /// The server revision the edit was made on (0 for a create).
  public var baseRevision: Int
  public var scope: AnnotationScope
  /// The annotation as canonical JSON (the client's format; the server stores it as given).
  public var body: String
  /// When the user made the edit, by the client's clock (advisory).
  public var clientTime: String

  public init(
    clientSeq: Int64, mutationID: String, name: MutationName, annotationID: String,
    baseRevision: Int, scope: AnnotationScope, body: String, clientTime: String
  ) {
    self.clientSeq = clientSeq
    self.mutationID = mutationID
    self.name = name
    self.annotationID = annotationID
    self.baseRevision = baseRevision
    self.scope = scope
    self.body = body
    self.clientTime = clientTime
  }

  enum CodingKeys: String, CodingKey {
    case clientSeq, name, scope, body, clientTime, baseRevision
    case mutationID = "mutationId"
    case annotationID = "annotationId"
  }
}

/// `POST /v1/projects/{project}/push`.
public struct PushRequest: Codable, Sendable, Hashable {
  public var clientID: String
  public var protocolVersion: Int
  public var mutations: [PushMutation]

  public init(
    clientID: String, mutations: [PushMutation], protocolVersion: Int = SyncJSON.protocolVersion
  ) {
    self.clientID = clientID
    self.protocolVersion = protocolVersion
    self.mutations = mutations
  }

  enum CodingKeys: String, CodingKey {
    case clientID = "clientId"
    case protocolVersion, mutations
  }
}

/// What became of one mutation. Applied, conflict and rejected all count as processed: the client
/// never sends that `client_seq` again.
public struct MutationResult: Codable, Sendable, Hashable {
  public enum Outcome: String, Codable, Sendable, Hashable {
    case applied
    /// The annotation changed on the server since `base_revision`; nothing was written.
    case conflict
    /// Not allowed or not valid; `code` says why.
    case rejected
  }

  public var clientSeq: Int64
  public var mutationID: String
  public var outcome: Outcome
  /// The annotation's revision after an applied mutation.
  public var revision: Int?
  /// For a conflict: the server's current version.
  public var server: ChangeRecord?
  /// For a rejection: `not_assigned`, `not_owner`, `invalid`, `read_only`...
  public var code: String?

  public init(
    clientSeq: Int64, mutationID: String, outcome: Outcome, revision: Int? = nil,
    server: ChangeRecord? = nil, code: String? = nil
  ) {
    self.clientSeq = clientSeq
    self.mutationID = mutationID
    self.outcome = outcome
    self.revision = revision
    self.server = server
    self.code = code
  }

  enum CodingKeys: String, CodingKey {
    case clientSeq, outcome, revision, server, code
    case mutationID = "mutationId"
  }
}

/// The answer to a push.
public struct PushResponse: Codable, Sendable, Hashable {
  public var results: [MutationResult]
  /// The highest `client_seq` the server has processed for this client.
  public var lastClientSeq: Int64
  /// The project's change counter after this push: pull up to it to see your own writes.
  public var serverSeq: Int64

  public init(results: [MutationResult], lastClientSeq: Int64, serverSeq: Int64) {
    self.results = results
    self.lastClientSeq = lastClientSeq
    self.serverSeq = serverSeq
  }
}
