import Foundation
import GRDB
import SyncProtocol

extension SQLiteServerStore {
  /// Appends `entry` to the chain inside the caller's transaction.
  func appendAudit(_ entry: AuditEntry, _ db: Database) throws {
    let last = try Row.fetchOne(
      db, sql: "SELECT seq, entry_hash FROM audit_event ORDER BY seq DESC LIMIT 1")
    var event = AuditEvent(
      seq: (last?["seq"] as Int64? ?? 0) + 1, serverTime: Self.iso8601(clock()),
      actor: entry.principal?.user, role: entry.principal?.role.rawValue,
      tokenID: entry.principal?.tokenID, clientID: entry.clientID, source: entry.source,
      action: entry.action, outcome: entry.outcome, code: entry.code, project: entry.project,
      objectID: entry.objectID, objectRevision: entry.objectRevision, studyHash: entry.studyHash,
      mutationID: entry.mutationID, clientSeq: entry.clientSeq, beforeHash: entry.beforeHash,
      afterHash: entry.afterHash, prevHash: last?["entry_hash"] ?? AuditChain.genesis,
      entryHash: "")
    event.entryHash = AuditChain.entryHash(of: event)
    try db.execute(
      sql: """
        INSERT INTO audit_event(seq, server_time, actor, role, token_id, client_id, source, action,
          outcome, code, project, object_id, object_revision, study_hash, mutation_id, client_seq,
          before_hash, after_hash, prev_hash, entry_hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        event.seq, event.serverTime, event.actor, event.role, event.tokenID, event.clientID,
        event.source, event.action, event.outcome, event.code, event.project, event.objectID,
        event.objectRevision, event.studyHash, event.mutationID, event.clientSeq,
        event.beforeHash, event.afterHash, event.prevHash, event.entryHash,
      ])
  }

  static func auditEvent(_ row: Row) -> AuditEvent {
    AuditEvent(
      seq: row["seq"], serverTime: row["server_time"], actor: row["actor"], role: row["role"],
      tokenID: row["token_id"], clientID: row["client_id"], source: row["source"],
      action: row["action"], outcome: row["outcome"], code: row["code"], project: row["project"],
      objectID: row["object_id"], objectRevision: row["object_revision"],
      studyHash: row["study_hash"], mutationID: row["mutation_id"], clientSeq: row["client_seq"],
      beforeHash: row["before_hash"], afterHash: row["after_hash"], prevHash: row["prev_hash"],
      entryHash: row["entry_hash"])
  }

  public func auditEvents(after seq: Int64, limit: Int, for principal: Principal) async throws
    -> [AuditEvent]
  {
    guard (1...SyncLimits.maximumPageChanges).contains(limit), seq >= 0 else {
      throw APIError.badRequest("limit must be 1...1000 and after ≥ 0")
    }
    return try await writeCommitting { db in
      if let denial = try self.administer(db, principal, action: "audit.read") {
        return .failure(denial)
      }
      let rows = try Row.fetchAll(
        db, sql: "SELECT * FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?",
        arguments: [seq, limit])
      return .success(rows.map(Self.auditEvent))
    }
  }

  public func verifyAuditChain() async throws -> AuditChain.Verification {
    try await pool.read { db in
      let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_event ORDER BY seq")
      var events: [AuditEvent] = []
      while let row = try cursor.next() { events.append(Self.auditEvent(row)) }
      return AuditChain.verify(events)
    }
  }
}
