/// An annotation as the server holds it at one revision.
public struct ChangeRecord: Codable, Sendable, Hashable {
  public var annotationID: String
  public var revision: Int
  public var deleted: Bool
  public var scope: AnnotationScope
  /// The canonical JSON the last writer sent.
  public var body: String
  /// The user name of the last writer.
  public var author: String
  /// When the server applied it (ISO 8601, UTC).
  public var serverTime: String

  public init(
    annotationID: String, revision: Int, deleted: Bool, scope: AnnotationScope, body: String,
    author: String, serverTime: String
  ) {
    self.annotationID = annotationID
    self.revision = revision
    self.deleted = deleted
    self.scope = scope
    self.body = body
    self.author = author
    self.serverTime = serverTime
  }

  enum CodingKeys: String, CodingKey {
    case revision, deleted, scope, body, author, serverTime
    case annotationID = "annotationId"
  }
}

/// One row of a project's change log: `seq` is gap-free and commit-ordered.
public struct Change: Codable, Sendable, Hashable {
  public var seq: Int64
  public var record: ChangeRecord

  public init(seq: Int64, record: ChangeRecord) {
    self.seq = seq
    self.record = record
  }
}

/// `GET /v1/projects/{project}/changes?after=SEQ&limit=N`.
public struct ChangesPage: Codable, Sendable, Hashable {
  public var changes: [Change]
  /// Pass as `after` for the next page.
  public var nextCursor: Int64
  public var hasMore: Bool

  public init(changes: [Change], nextCursor: Int64, hasMore: Bool) {
    self.changes = changes
    self.nextCursor = nextCursor
    self.hasMore = hasMore
  }
}
