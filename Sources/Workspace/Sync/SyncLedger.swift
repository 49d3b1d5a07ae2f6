import Annotations
import GRDB

/// The workspace's side of sync: what to push, what the server answered, what it sent back, and
/// the conflicts and rejections the user still has to see. Every method is one transaction, so a
/// sync killed at any point resumes from what was committed.
public struct SyncLedger: Sendable {
  let database: DatabasePool
  let clock: @Sendable () -> Timestamp

  /// Where the workspace syncs and how far it has pulled.
  public func settings() throws -> SyncSettings {
    try database.workspaceRead { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sync_state WHERE id = 1") else {
        throw WorkspaceError.corruptRow(table: "sync_state", key: "1", reason: "the row is missing")
      }
      return SyncSettings(
        serverURL: row["server_url"], project: row["project"],
        serverClientID: row["server_client_id"], pulledSeq: row["pulled_seq"])
    }
  }

  /// Points the workspace at a server and project. Another server or project starts over: a new
  /// client registration and a pull from the beginning (the outbox is kept and pushed there).
  public func configure(serverURL: String, project: String) throws {
    try database.workspaceWrite { db in
      let row = try Row.fetchOne(db, sql: "SELECT server_url, project FROM sync_state WHERE id = 1")
      let sameTarget =
        row?["server_url"] as String? == serverURL && row?["project"] as String? == project
      if !sameTarget {
        try db.execute(
          sql: """
            UPDATE sync_state SET server_url = ?, project = ?, server_client_id = NULL,
              pulled_seq = 0 WHERE id = 1
            """, arguments: [serverURL, project])
        try Self.renumberOutbox(in: db)
      }
    }
  }

  /// Remembers the id the server registered this client under.
  public func setServerClientID(_ clientID: String) throws {
    try database.workspaceWrite { db in
      try db.execute(
        sql: "UPDATE sync_state SET server_client_id = ? WHERE id = 1", arguments: [clientID])
    }
  }

  /// After the server asked for a client reset: forget the registration and number the pending
  /// mutations again from 1 for the new client id.
  public func resetClient() throws {
    try database.workspaceWrite { db in
      try db.execute(sql: "UPDATE sync_state SET server_client_id = NULL WHERE id = 1")
      try Self.renumberOutbox(in: db)
    }
  }

  /// How many mutations wait for the server.
  public func pendingCount() throws -> Int {
    try database.workspaceRead { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0
    }
  }

  /// The oldest `limit` outbox mutations with what the wire needs.
  public func pending(limit: Int = 500) throws -> [PendingMutation] {
    try database.workspaceRead { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT o.*, a.study_uid, a.series_uid, a.sop_instance_uid, a.frame, a.body AS current_body
          FROM outbox o JOIN annotation a ON a.id = o.annotation_id
          ORDER BY o.client_seq LIMIT ?
          """, arguments: [max(0, limit)]
      ).map { row in
        let mutation = try AnnotationRows.decodeMutation(row)
        return PendingMutation(
          clientSeq: mutation.clientSeq, mutationID: mutation.mutationID, name: mutation.name,
          annotationID: mutation.annotationID, baseRevision: mutation.baseRevision,
          studyInstanceUID: row["study_uid"], seriesInstanceUID: row["series_uid"],
          sopInstanceUID: row["sop_instance_uid"], frame: row["frame"],
          body: try Self.body(of: mutation, current: row["current_body"]),
          createdAt: mutation.createdAt)
      }
    }
  }

  /// Records what the server did with pushed mutations: they leave the outbox, conflicts and
  /// rejections are kept for the user, `acked_client_seq` advances.
  public func record(_ results: [PushResultRecord]) throws {
    guard !results.isEmpty else { return }
    let now = clock()
    try database.workspaceWrite { db in
      // Applied mutations, nearly all of them, only leave the outbox.
      for result in results where result.outcome != .applied {
        guard
          let row = try Row.fetchOne(
            db,
            sql: """
              SELECT o.*, a.body AS current_body FROM outbox o
              LEFT JOIN annotation a ON a.id = o.annotation_id WHERE o.client_seq = ?
              """, arguments: [result.clientSeq])
        else { continue }
        let mutation = try AnnotationRows.decodeMutation(row)
        let body = try Self.body(of: mutation, current: row["current_body"] ?? "{}")
        switch result.outcome {
        case .applied:
          continue
        case .conflict(let server):
          try db.execute(
            sql: """
              INSERT INTO sync_conflict (annotation_id, mine_name, mine_body, theirs_body,
                theirs_revision, theirs_deleted, theirs_author, detected_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (annotation_id) DO UPDATE SET mine_name = excluded.mine_name,
                mine_body = excluded.mine_body, theirs_body = excluded.theirs_body,
                theirs_revision = excluded.theirs_revision,
                theirs_deleted = excluded.theirs_deleted, theirs_author = excluded.theirs_author
              """,
            arguments: [
              mutation.annotationID, mutation.name.rawValue, body, server.body, server.revision,
              server.deleted, server.author, now.description,
            ])
        case .rejected(let code):
          // The server kept its revision: later pulls of it must be able to replace mine.
          let later =
            try Bool.fetchOne(
              db,
              sql:
                "SELECT EXISTS (SELECT 1 FROM outbox WHERE annotation_id = ? AND client_seq > ?)",
              arguments: [mutation.annotationID, mutation.clientSeq]) ?? false
          if !later, var stored = try AnnotationRows.fetch(id: mutation.annotationID, in: db) {
            stored.annotation.revision = max(1, mutation.baseRevision)
            try AnnotationRows.write(stored, in: db)
          }
          try db.execute(
            sql: """
              INSERT OR REPLACE INTO sync_rejection (client_seq, annotation_id, name, code, body,
                rejected_at) VALUES (?, ?, ?, ?, ?, ?)
              """,
            arguments: [
              mutation.clientSeq, mutation.annotationID, mutation.name.rawValue, code, body,
              now.description,
            ])
        }
      }
      try AnnotationRows.markSent(clientSeqs: results.map(\.clientSeq), in: db)
    }
  }

  /// Applies a page of server changes and moves the pull cursor, together. An annotation with
  /// mutations still to push keeps my version (the push settles it); one in conflict gets its
  /// "theirs" refreshed. Returns how many annotations changed locally.
  @discardableResult
  public func applyPulled(_ versions: [ServerVersion], nextCursor: Int64) throws -> Int {
    try database.workspaceWrite { db in
      var changed = 0
      for version in versions {
        let pending =
          try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM outbox WHERE annotation_id = ?)",
            arguments: [version.annotationID]) ?? false
        if pending { continue }
        let inConflict =
          try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM sync_conflict WHERE annotation_id = ?)",
            arguments: [version.annotationID]) ?? false
        if inConflict {
          try db.execute(
            sql: """
              UPDATE sync_conflict SET theirs_body = ?, theirs_revision = ?, theirs_deleted = ?,
                theirs_author = ? WHERE annotation_id = ?
              """,
            arguments: [
              version.body, version.revision, version.deleted, version.author, version.annotationID,
            ])
          continue
        }
        // The change log holds every revision: a page may carry an older one than what is
        // here already (my own later edits, acknowledged), which must not go back in time.
        // Checked on the revision column first, so those (most of a page) are never decoded.
        if let stored = try Int.fetchOne(
          db, sql: "SELECT revision FROM annotation WHERE id = ?", arguments: [version.annotationID]
        ),
          stored >= version.revision
        {
          continue
        }
        guard var annotation = try? AnnotationJSON.decode(Annotation.self, from: version.body),
          annotation.id == version.annotationID
        else { continue }
        annotation.revision = version.revision
        try AnnotationRows.write(
          StoredAnnotation(annotation: annotation, isDeleted: version.deleted), in: db)
        changed += 1
      }
      try db.execute(
        sql: "UPDATE sync_state SET pulled_seq = max(pulled_seq, ?) WHERE id = 1",
        arguments: [nextCursor])
      return changed
    }
  }

  /// How many conflicts are open.
  public func conflictCount() throws -> Int {
    try database.workspaceRead { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_conflict") ?? 0
    }
  }

  /// How many refused mutations the user has not cleared.
  public func rejectionCount() throws -> Int {
    try database.workspaceRead { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_rejection") ?? 0
    }
  }

  /// Open conflicts, oldest first.
  public func conflicts() throws -> [SyncConflict] {
    try database.workspaceRead { db in
      try Row.fetchAll(db, sql: "SELECT * FROM sync_conflict ORDER BY detected_at, annotation_id")
        .map(Self.decodeConflict)
    }
  }

  /// Mutations the server refused, newest last.
  public func rejections() throws -> [SyncRejection] {
    try database.workspaceRead { db in
      try Row.fetchAll(db, sql: "SELECT * FROM sync_rejection ORDER BY client_seq").map { row in
        let seq: Int64 = row["client_seq"]
        guard let name = MutationName(rawValue: row["name"]),
          let time = Timestamp(iso8601: row["rejected_at"])
        else {
          throw WorkspaceError.corruptRow(
            table: "sync_rejection", key: "\(seq)", reason: "name or time unreadable")
        }
        return SyncRejection(
          clientSeq: seq, annotationID: row["annotation_id"], name: name, code: row["code"],
          body: row["body"], rejectedAt: time)
      }
    }
  }

  /// Settles a conflict: keep mine (pushed again on top of the server's revision), take theirs,
  /// or keep both (theirs stays, mine becomes a new annotation).
  public func resolve(annotationID: String, choice: ConflictChoice) throws {
    let now = clock()
    try database.workspaceWrite { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT * FROM sync_conflict WHERE annotation_id = ?", arguments: [annotationID])
      else { throw WorkspaceError.noSuchConflict(annotationID: annotationID) }
      let conflict = try Self.decodeConflict(row)
      let theirs = conflict.theirs.map { annotation -> StoredAnnotation in
        var copy = annotation
        copy.revision = conflict.theirsRevision
        return StoredAnnotation(annotation: copy, isDeleted: conflict.theirsDeleted)
      }
      switch choice {
      case .keepMine:
        var mine = conflict.mine
        mine.revision = conflict.theirsRevision + 1
        mine.updatedAt = now
        let deletes = conflict.mineName == .deleteAnnotation
        let stored = StoredAnnotation(annotation: mine, isDeleted: deletes)
        try AnnotationRows.write(stored, in: db)
        _ = try AnnotationRows.enqueue(
          name: deletes ? .deleteAnnotation : .updateAnnotation, stored: stored,
          baseRevision: conflict.theirsRevision, createdAt: now, in: db)
      case .takeTheirs:
        if let theirs { try AnnotationRows.write(theirs, in: db) }
      case .keepBoth:
        if let theirs { try AnnotationRows.write(theirs, in: db) }
        if conflict.mineName != .deleteAnnotation {
          var copy = conflict.mine
          copy.id = Annotation.makeID()
          copy.revision = 1
          copy.createdAt = now
          copy.updatedAt = now
          let stored = StoredAnnotation(annotation: copy, isDeleted: false)
          try AnnotationRows.write(stored, in: db)
          _ = try AnnotationRows.enqueue(
            name: .createAnnotation, stored: stored, baseRevision: 0, createdAt: now, in: db)
        }
      }
      try db.execute(
        sql: "DELETE FROM sync_conflict WHERE annotation_id = ?", arguments: [annotationID])
    }
  }

  /// Forgets the rejected mutations the user has seen.
  public func clearRejections() throws {
    try database.workspaceWrite { db in try db.execute(sql: "DELETE FROM sync_rejection") }
  }

  /// Numbers the outbox from 1 again (a new client id starts its sequence there).
  private static func renumberOutbox(in db: Database) throws {
    let seqs = try Int64.fetchAll(db, sql: "SELECT client_seq FROM outbox ORDER BY client_seq")
    // Two passes through negative numbers, so no renumbered row collides with a waiting one.
    for (index, seq) in seqs.enumerated() {
      try db.execute(
        sql: "UPDATE outbox SET client_seq = ? WHERE client_seq = ?",
        arguments: [-Int64(index + 1), seq])
    }
    try db.execute(sql: "UPDATE outbox SET client_seq = -client_seq WHERE client_seq < 0")
    try db.execute(
      sql: "UPDATE sync_state SET next_client_seq = ?, acked_client_seq = 0 WHERE id = 1",
      arguments: [Int64(seqs.count + 1)])
  }

  /// The annotation a mutation carries: its own body, or for a delete the row's last content.
  private static func body(of mutation: OutboxMutation, current: String) throws -> String {
    let arguments = try AnnotationJSON.decode(MutationArguments.self, from: mutation.arguments)
    guard let body = arguments.body else { return current }
    return try AnnotationJSON.line(body)
  }

  private static func decodeConflict(_ row: Row) throws -> SyncConflict {
    let id: String = row["annotation_id"]
    guard let name = MutationName(rawValue: row["mine_name"]),
      let time = Timestamp(iso8601: row["detected_at"])
    else {
      throw WorkspaceError.corruptRow(
        table: "sync_conflict", key: id, reason: "name or time unreadable")
    }
    let mine: Annotation
    do {
      mine = try AnnotationJSON.decode(Annotation.self, from: row["mine_body"])
    } catch {
      throw WorkspaceError.corruptRow(table: "sync_conflict", key: id, reason: "mine: \(error)")
    }
    return SyncConflict(
      annotationID: id, mineName: name, mine: mine,
      theirs: try? AnnotationJSON.decode(Annotation.self, from: row["theirs_body"]),
      theirsRevision: row["theirs_revision"], theirsDeleted: row["theirs_deleted"],
      theirsAuthor: row["theirs_author"], detectedAt: time)
  }
}
