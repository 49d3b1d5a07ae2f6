import Annotations

/// An outbox mutation ready to push: what the wire needs, read from the outbox and the
/// annotation rows.
public struct PendingMutation: Sendable, Hashable {
  public var clientSeq: Int64
  public var mutationID: String
  public var name: MutationName
  public var annotationID: String
  public var baseRevision: Int
  public var studyInstanceUID: String
  public var seriesInstanceUID: String?
  public var sopInstanceUID: String?
  public var frame: Int?
  /// AnnotationJSON of the annotation as the mutation left it (for a delete, what was deleted).
  public var body: String
  public var createdAt: Timestamp
}

/// The server's version of an annotation, as a push result or a pulled change carries it.
public struct ServerVersion: Sendable, Hashable {
  public var annotationID: String
  public var revision: Int
  public var deleted: Bool
  /// AnnotationJSON as the last writer sent it.
  public var body: String
  public var author: String

  public init(annotationID: String, revision: Int, deleted: Bool, body: String, author: String) {
    self.annotationID = annotationID
    self.revision = revision
    self.deleted = deleted
    self.body = body
    self.author = author
  }
}

/// What the server did with one pushed mutation.
public enum PushOutcome: Sendable, Hashable {
  case applied
  case conflict(ServerVersion)
  case rejected(code: String)
}

/// A mutation and its outcome, to record in one transaction with the others of a push.
public struct PushResultRecord: Sendable, Hashable {
  public var clientSeq: Int64
  public var outcome: PushOutcome

  public init(clientSeq: Int64, outcome: PushOutcome) {
    self.clientSeq = clientSeq
    self.outcome = outcome
  }
}

/// An edit of mine the server did not apply because the annotation had changed there.
public struct SyncConflict: Sendable, Hashable {
  public var annotationID: String
  public var mineName: MutationName
  /// My version (for a delete: what I deleted).
  public var mine: Annotation
  /// The server's version; nil when its body cannot be read as an annotation.
  public var theirs: Annotation?
  public var theirsRevision: Int
  public var theirsDeleted: Bool
  public var theirsAuthor: String
  public var detectedAt: Timestamp
}

extension SyncConflict {
  /// `edited` or `deleted`: what my side did.
  public var mineDescription: String { mineName == .deleteAnnotation ? "deleted" : "edited" }

  /// `r3 by alice` or `deleted by alice (r3)`: the server's side.
  public var theirsDescription: String {
    theirsDeleted
      ? "deleted by \(theirsAuthor) (r\(theirsRevision))" : "r\(theirsRevision) by \(theirsAuthor)"
  }
}

/// A mutation the server refused (not assigned, not the owner, read-only, invalid).
public struct SyncRejection: Sendable, Hashable {
  public var clientSeq: Int64
  public var annotationID: String
  public var name: MutationName
  public var code: String
  public var body: String
  public var rejectedAt: Timestamp
}

/// How the user settles a conflict.
public enum ConflictChoice: String, Sendable, Hashable, CaseIterable {
  /// Push my version again on top of theirs.
  case keepMine = "mine"
  /// Drop my version and show theirs.
  case takeTheirs = "theirs"
  /// Theirs stays; mine becomes a new annotation.
  case keepBoth = "both"
}

/// Where and as whom the workspace syncs.
public struct SyncSettings: Sendable, Hashable {
  public var serverURL: String?
  public var project: String?
  /// The id the server gave this workspace; nil before the first sync.
  public var serverClientID: String?
  public var pulledSeq: Int64
}
