import Annotations
import GRDB

/// Annotations of a workspace with a persisted undo / redo history and a sync outbox.
///
/// Every `apply`, `undo` and `redo` is ONE write transaction that changes the annotation row,
/// the history (a new row, or the cursor) and appends one outbox mutation; when the call
/// returns, all three are durable, and after a crash either all or none are there. Revisions
/// are the store's: each change of an annotation stores the previous revision + 1, whatever
/// revision the edit's `after` carried. Edits are checked against the stored content ignoring
/// revision and `updatedAt`, so undo and redo apply after revisions moved on.
public struct AnnotationStore: Sendable {
  let database: DatabasePool
  let clock: @Sendable () -> Timestamp

  /// Applies a new edit and makes it the newest undoable one, clearing the redo stack.
  ///
  /// Throws `AnnotationEditError` (and changes nothing) when the edit does not match what is
  /// stored: adding an id that exists, changing or deleting one that does not or that changed.
  @discardableResult
  public func apply(_ edit: AnnotationEdit) throws -> CommittedEdit {
    try applyAll([edit])[0]
  }

  /// Applies several edits in ONE transaction (an import, pre-labels): all of them or none, each
  /// with its own history step and outbox mutation, as if applied one by one.
  @discardableResult
  public func applyAll(_ edits: [AnnotationEdit]) throws -> [CommittedEdit] {
    guard !edits.isEmpty else { return [] }
    let now = clock()
    return try database.workspaceWrite { db in
      var committed: [CommittedEdit] = []
      committed.reserveCapacity(edits.count)
      let cursor = try EditHistoryRows.cursor(db)
      try db.execute(sql: "DELETE FROM edit_history WHERE seq > ?", arguments: [cursor])
      for edit in edits {
        let applied = try Self.commit(edit, restampingAt: nil, now: now, in: db)
        let seq = try EditHistoryRows.append(applied.edit, doneAt: now, in: db)
        try EditHistoryRows.setCursor(seq, in: db)
        committed.append(applied)
      }
      return committed
    }
  }

  /// Undoes the newest done edit (its inverse becomes a new revision and an outbox mutation);
  /// nil when there is nothing to undo.
  @discardableResult
  public func undo() throws -> CommittedEdit? {
    let now = clock()
    return try database.workspaceWrite { db in
      let cursor = try EditHistoryRows.cursor(db)
      guard cursor > 0, let done = try EditHistoryRows.edit(seq: cursor, in: db) else {
        return nil
      }
      let committed = try Self.commit(done.inverse, restampingAt: now, now: now, in: db)
      try EditHistoryRows.setCursor(try EditHistoryRows.seq(before: cursor, in: db), in: db)
      return committed
    }
  }

  /// Redoes the newest undone edit; nil when there is nothing to redo.
  @discardableResult
  public func redo() throws -> CommittedEdit? {
    let now = clock()
    return try database.workspaceWrite { db in
      let cursor = try EditHistoryRows.cursor(db)
      guard let next = try EditHistoryRows.seq(after: cursor, in: db),
        let undone = try EditHistoryRows.edit(seq: next, in: db)
      else { return nil }
      let committed = try Self.commit(undone, restampingAt: now, now: now, in: db)
      try EditHistoryRows.setCursor(next, in: db)
      return committed
    }
  }

  /// The annotation `id`, deleted or not; nil when it never existed.
  public func annotation(id: String) throws -> StoredAnnotation? {
    try database.workspaceRead { try AnnotationRows.fetch(id: id, in: $0) }
  }

  /// The annotations of these ids that exist, deleted or not, read in one transaction.
  public func annotations(ids: [String]) throws -> [String: StoredAnnotation] {
    try database.workspaceRead { db in
      var found: [String: StoredAnnotation] = [:]
      for id in ids {
        if let stored = try AnnotationRows.fetch(id: id, in: db) { found[id] = stored }
      }
      return found
    }
  }

  /// Live annotations on one image frame (1-based), ordered by id.
  public func annotations(sopInstanceUID: String, frame: Int) throws -> [Annotation] {
    try database.workspaceRead { db in
      try AnnotationRows.fetchAll(
        db, whereClause: "sop_instance_uid = ? AND frame = ? AND deleted = 0",
        arguments: [sopInstanceUID, frame])
    }
  }

  /// Live annotations in a series: on its images and on the series itself.
  public func annotations(seriesInstanceUID: String) throws -> [Annotation] {
    try database.workspaceRead { db in
      try AnnotationRows.fetchAll(
        db, whereClause: "series_uid = ? AND deleted = 0", arguments: [seriesInstanceUID])
    }
  }

  /// Live annotations in a study at every level.
  public func annotations(studyInstanceUID: String) throws -> [Annotation] {
    try database.workspaceRead { db in
      try AnnotationRows.fetchAll(
        db, whereClause: "study_uid = ? AND deleted = 0", arguments: [studyInstanceUID])
    }
  }

  /// What is shown with one image frame, in one query: the annotations on it, then those about
  /// its series, then those about its study (each group ordered by id).
  public func annotations(about image: ImageReference) throws -> [Annotation] {
    try database.workspaceRead { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT id, body, deleted FROM annotation
          WHERE deleted = 0 AND ((sop_instance_uid = ? AND frame = ? AND level = 'image')
            OR (level = 'series' AND series_uid = ?) OR (level = 'study' AND study_uid = ?))
          ORDER BY CASE level WHEN 'image' THEN 0 WHEN 'series' THEN 1 ELSE 2 END, id
          """,
        arguments: [
          image.sopInstanceUID, image.frame, image.seriesInstanceUID, image.studyInstanceUID,
        ]
      ).map { try AnnotationRows.decode($0).annotation }
    }
  }

  /// Every live annotation, as the set the editor keeps in memory.
  public func currentSet() throws -> AnnotationSet {
    try database.workspaceRead { db in
      AnnotationSet(try AnnotationRows.fetchAll(db, whereClause: "deleted = 0", arguments: []))
    }
  }

  /// Every annotation row including tombstones, ordered by id.
  public func allStored() throws -> [StoredAnnotation] {
    try database.workspaceRead { db in
      try Row.fetchAll(db, sql: "SELECT id, body, deleted FROM annotation ORDER BY id")
        .map(AnnotationRows.decode)
    }
  }

  /// How many edits undo and redo can walk.
  public func historyDepth() throws -> HistoryDepth {
    try database.workspaceRead { db in
      let cursor = try EditHistoryRows.cursor(db)
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT (SELECT COUNT(*) FROM edit_history WHERE seq <= ?) AS done,
                 (SELECT COUNT(*) FROM edit_history WHERE seq > ?) AS undone
          """, arguments: [cursor, cursor])
      return HistoryDepth(undoCount: row?["done"] ?? 0, redoCount: row?["undone"] ?? 0)
    }
  }

  /// The persisted history as the in-memory value type (stacks of edits as applied).
  public func history() throws -> UndoHistory {
    try database.workspaceRead { db in
      let cursor = try EditHistoryRows.cursor(db)
      var history = UndoHistory()
      var undone = 0
      for (seq, edit) in try EditHistoryRows.all(in: db) {
        history.record(edit)
        if seq > cursor { undone += 1 }
      }
      for _ in 0..<undone { _ = history.undo() }
      return history
    }
  }

  /// Mutations not yet acknowledged by the server, oldest first (the push order).
  public func pendingMutations(limit: Int = 500) throws -> [OutboxMutation] {
    try database.workspaceRead { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM outbox ORDER BY client_seq LIMIT ?", arguments: [max(0, limit)]
      ).map(AnnotationRows.decodeMutation)
    }
  }

  /// Records that the server acknowledged these mutations: their rows leave the outbox and
  /// `acked_client_seq` advances, in one transaction.
  public func markSent(clientSeqs: [Int64]) throws {
    guard !clientSeqs.isEmpty else { return }
    try database.workspaceWrite { db in try AnnotationRows.markSent(clientSeqs: clientSeqs, in: db)
    }
  }

  /// Counts a failed push of these mutations; they stay pending and are never coalesced.
  public func recordFailedAttempt(clientSeqs: [Int64], error: String) throws {
    try database.workspaceWrite { db in
      let update = try db.cachedStatement(
        sql: "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE client_seq = ?")
      for clientSeq in clientSeqs { try update.execute(arguments: [error, clientSeq]) }
    }
  }

  /// The client id and sync cursors.
  public func syncState() throws -> SyncState {
    try database.workspaceRead { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sync_state WHERE id = 1") else {
        throw WorkspaceError.corruptRow(
          table: "sync_state", key: "1", reason: "the row is missing")
      }
      return SyncState(
        clientID: row["client_id"], pulledSeq: row["pulled_seq"],
        ackedClientSeq: row["acked_client_seq"], nextClientSeq: row["next_client_seq"])
    }
  }

  /// Writes one edit's annotation row and outbox row; `restampingAt` sets `updatedAt` (undo and
  /// redo happen now, not when the original edit was made).
  private static func commit(
    _ edit: AnnotationEdit, restampingAt restamp: Timestamp?, now: Timestamp, in db: Database
  ) throws -> CommittedEdit {
    let current = try AnnotationRows.fetch(id: edit.annotationID, in: db)
    let applied: AnnotationEdit
    let stored: StoredAnnotation
    let name: MutationName
    let baseRevision: Int
    switch edit {
    case .add(var annotation):
      if let current, !current.isDeleted {
        throw AnnotationEditError.alreadyExists(id: annotation.id)
      }
      baseRevision = current?.annotation.revision ?? 0
      annotation.revision = baseRevision + 1
      if let restamp { annotation.updatedAt = restamp }
      applied = .add(annotation)
      stored = StoredAnnotation(annotation: annotation, isDeleted: false)
      name = .createAnnotation
    case .update(let before, var after):
      guard before.id == after.id else {
        throw AnnotationEditError.idChanged(before: before.id, after: after.id)
      }
      let live = try liveMatching(before, current)
      baseRevision = live.revision
      after.revision = baseRevision + 1
      if let restamp { after.updatedAt = restamp }
      applied = .update(before: live, after: after)
      stored = StoredAnnotation(annotation: after, isDeleted: false)
      name = .updateAnnotation
    case .delete(let annotation):
      let live = try liveMatching(annotation, current)
      baseRevision = live.revision
      var tombstone = live
      tombstone.revision = baseRevision + 1
      tombstone.updatedAt = restamp ?? now
      applied = .delete(live)
      stored = StoredAnnotation(annotation: tombstone, isDeleted: true)
      name = .deleteAnnotation
    }
    try AnnotationRows.write(stored, in: db)
    let mutation = try AnnotationRows.enqueue(
      name: name, stored: stored, baseRevision: baseRevision, createdAt: now, in: db)
    return CommittedEdit(edit: applied, stored: stored, mutation: mutation)
  }

  /// The stored live annotation when it has the content `expected` describes.
  private static func liveMatching(_ expected: Annotation, _ current: StoredAnnotation?) throws
    -> Annotation
  {
    guard let current, !current.isDeleted else {
      throw AnnotationEditError.notFound(id: expected.id)
    }
    guard sameContent(current.annotation, expected) else {
      throw AnnotationEditError.stale(id: expected.id)
    }
    return current.annotation
  }

  /// Equal apart from revision and `updatedAt`, which the store itself moves.
  static func sameContent(_ lhs: Annotation, _ rhs: Annotation) -> Bool {
    var left = lhs
    var right = rhs
    left.revision = 0
    right.revision = 0
    left.updatedAt = left.createdAt
    right.updatedAt = right.createdAt
    return left == right
  }
}
