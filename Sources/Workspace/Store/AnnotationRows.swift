import Annotations
import GRDB

/// Reading and writing `annotation` and `outbox` rows inside a caller's transaction.
enum AnnotationRows {
  static func fetch(id: String, in db: Database) throws -> StoredAnnotation? {
    try Row.fetchOne(
      db, sql: "SELECT id, body, deleted FROM annotation WHERE id = ?", arguments: [id]
    ).map(decode)
  }

  static func fetchAll(_ db: Database, whereClause: String, arguments: StatementArguments)
    throws -> [Annotation]
  {
    try Row.fetchAll(
      db, sql: "SELECT id, body, deleted FROM annotation WHERE \(whereClause) ORDER BY id",
      arguments: arguments
    ).map { try decode($0).annotation }
  }

  static func decode(_ row: Row) throws -> StoredAnnotation {
    let id: String = row["id"]
    do {
      let annotation = try AnnotationJSON.decode(Annotation.self, from: row["body"])
      return StoredAnnotation(annotation: annotation, isDeleted: row["deleted"])
    } catch {
      throw WorkspaceError.corruptRow(table: "annotation", key: id, reason: "body: \(error)")
    }
  }

  static func write(_ stored: StoredAnnotation, in db: Database) throws {
    let annotation = stored.annotation
    let target = annotation.target
    try db.execute(
      sql: """
        INSERT INTO annotation (id, kind, label, level, study_uid, series_uid, sop_instance_uid,
          frame, revision, deleted, body, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, label = excluded.label,
          level = excluded.level, study_uid = excluded.study_uid,
          series_uid = excluded.series_uid, sop_instance_uid = excluded.sop_instance_uid,
          frame = excluded.frame, revision = excluded.revision, deleted = excluded.deleted,
          body = excluded.body, updated_at = excluded.updated_at
        """,
      arguments: [
        annotation.id, annotation.kind.rawValue, annotation.label, target.level.rawValue,
        target.studyInstanceUID, target.seriesInstanceUID, target.image?.sopInstanceUID,
        target.image?.frame, annotation.revision, stored.isDeleted,
        try AnnotationJSON.line(annotation), annotation.updatedAt.description,
      ])
  }

  /// Appends the outbox row for a change, taking the next gap-free `client_seq`.
  static func enqueue(
    name: MutationName, stored: StoredAnnotation, baseRevision: Int, createdAt: Timestamp,
    in db: Database
  ) throws -> OutboxMutation {
    guard
      let clientSeq = try Int64.fetchOne(
        db, sql: "SELECT next_client_seq FROM sync_state WHERE id = 1")
    else {
      throw WorkspaceError.corruptRow(table: "sync_state", key: "1", reason: "the row is missing")
    }
    try db.execute(sql: "UPDATE sync_state SET next_client_seq = next_client_seq + 1")
    let arguments = MutationArguments(
      id: stored.annotation.id, baseRevision: baseRevision, revision: stored.annotation.revision,
      body: stored.isDeleted ? nil : stored.annotation)
    let mutation = OutboxMutation(
      clientSeq: clientSeq, mutationID: Annotation.makeID(), name: name,
      annotationID: stored.annotation.id, baseRevision: baseRevision,
      arguments: try AnnotationJSON.line(arguments), createdAt: createdAt, attempts: 0,
      lastError: nil)
    try db.execute(
      sql: """
        INSERT INTO outbox (client_seq, mutation_id, name, annotation_id, base_rev, args,
          created_at_client)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        mutation.clientSeq, mutation.mutationID, mutation.name.rawValue, mutation.annotationID,
        mutation.baseRevision, mutation.arguments, mutation.createdAt.description,
      ])
    return mutation
  }

  /// Takes acknowledged mutations out of the outbox and advances `acked_client_seq`.
  static func markSent(clientSeqs: [Int64], in db: Database) throws {
    guard let newest = clientSeqs.max() else { return }
    let delete = try db.cachedStatement(sql: "DELETE FROM outbox WHERE client_seq = ?")
    for clientSeq in clientSeqs { try delete.execute(arguments: [clientSeq]) }
    try db.execute(
      sql: "UPDATE sync_state SET acked_client_seq = max(acked_client_seq, ?) WHERE id = 1",
      arguments: [newest])
  }

  static func decodeMutation(_ row: Row) throws -> OutboxMutation {
    let clientSeq: Int64 = row["client_seq"]
    let nameText: String = row["name"]
    let createdText: String = row["created_at_client"]
    guard let name = MutationName(rawValue: nameText),
      let createdAt = Timestamp(iso8601: createdText)
    else {
      throw WorkspaceError.corruptRow(
        table: "outbox", key: "\(clientSeq)",
        reason: "name \"\(nameText)\" or created_at_client \"\(createdText)\" is not valid")
    }
    return OutboxMutation(
      clientSeq: clientSeq, mutationID: row["mutation_id"], name: name,
      annotationID: row["annotation_id"], baseRevision: row["base_rev"],
      arguments: row["args"], createdAt: createdAt, attempts: row["attempts"],
      lastError: row["last_error"])
  }
}

/// The JSON `args` of an outbox mutation.
struct MutationArguments: Codable, Sendable {
  var id: String
  var baseRevision: Int
  var revision: Int
  var body: Annotation?

  private enum CodingKeys: String, CodingKey {
    case id
    case baseRevision = "base_rev"
    case revision = "rev"
    case body
  }
}
