import Annotations

/// An annotation as the workspace holds it: its content and whether it is deleted.
///
/// A delete keeps the row as a tombstone (with the last content and a new revision) so sync can
/// send it and undo can bring the annotation back with a higher revision.
public struct StoredAnnotation: Sendable, Hashable {
  public var annotation: Annotation
  public var isDeleted: Bool

  public init(annotation: Annotation, isDeleted: Bool) {
    self.annotation = annotation
    self.isDeleted = isDeleted
  }
}

/// The outbox mutation kinds, named as the sync protocol names them.
public enum MutationName: String, Sendable, Hashable, Codable {
  /// A new annotation, or one brought back from a tombstone (then `baseRevision > 0`).
  case createAnnotation
  case updateAnnotation
  case deleteAnnotation
}

/// One outbox row: a mutation waiting to be pushed to the server.
public struct OutboxMutation: Sendable, Hashable {
  /// Gap-free per client; the push order.
  public var clientSeq: Int64
  /// Random UUID; the server's idempotency key.
  public var mutationID: String
  public var name: MutationName
  public var annotationID: String
  /// The revision the mutation edits; 0 for a new annotation.
  public var baseRevision: Int
  /// Canonical JSON `{"base_rev", "id", "rev", "body"?}`; `body` is the annotation JSON
  /// (absent for deletes), `rev` the local revision the mutation produced.
  public var arguments: String
  public var createdAt: Timestamp
  public var attempts: Int
  public var lastError: String?
}

/// What one committed edit, undo or redo did; the UI shows it only once this exists.
public struct CommittedEdit: Sendable, Hashable {
  /// The edit as applied: `before` is the stored annotation, `after` carries the new revision.
  public var edit: AnnotationEdit
  /// The stored state afterwards (for a delete, the tombstone's last content).
  public var stored: StoredAnnotation
  /// The outbox row written in the same transaction.
  public var mutation: OutboxMutation
}

/// How deep the persisted undo and redo stacks are.
public struct HistoryDepth: Sendable, Hashable {
  public var undoCount: Int
  public var redoCount: Int

  public init(undoCount: Int, redoCount: Int) {
    self.undoCount = undoCount
    self.redoCount = redoCount
  }

  public var canUndo: Bool { undoCount > 0 }
  public var canRedo: Bool { redoCount > 0 }
}

/// This client's sync bookkeeping (reference/sync-and-security.md section 2).
public struct SyncState: Sendable, Hashable {
  public var clientID: String
  public var pulledSeq: Int64
  public var ackedClientSeq: Int64
  public var nextClientSeq: Int64
}
