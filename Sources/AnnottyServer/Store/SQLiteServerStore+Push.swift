import Foundation
import GRDB
import SyncProtocol

extension SQLiteServerStore {
  public func push(_ request: PushRequest, project: String, by principal: Principal) async throws
    -> PushResponse
  {
    guard request.protocolVersion == SyncJSON.protocolVersion else {
      throw APIError(
        error: "unsupported_protocol",
        message:
          "protocol_version \(request.protocolVersion); this server speaks \(SyncJSON.protocolVersion)"
      )
    }
    guard request.mutations.count <= SyncLimits.maximumPushMutations else {
      throw APIError(error: "too_large", message: "more than 500 mutations in one push")
    }
    if let index = request.mutations.firstIndex(where: { $0.clientSeq < 1 }) {
      throw APIError.badRequest("mutations[\(index)].client_seq must be ≥ 1")
    }
    return try await writeCommitting { db in
      let assignments: [Assignment]
      switch try self.enterProject(db, principal, project: project, action: "push") {
      case .success(let all): assignments = all
      case .failure(let error): return .failure(error)
      }
      let client = try Row.fetchOne(
        db, sql: "SELECT user_name, last_client_seq FROM client WHERE id = ?",
        arguments: [request.clientID])
      guard let client, (client["user_name"] as String) == principal.user else {
        var entry = AuditEntry(principal: principal, action: "push", outcome: "denied")
        entry.code = "not_client_owner"
        entry.project = project
        try self.appendAudit(entry, db)
        return .failure(.notFound("no client \(request.clientID) for this user"))
      }
      var batch = PushBatch(
        store: self, db: db, principal: principal, project: project, clientID: request.clientID,
        assignments: assignments, last: client["last_client_seq"])
      let stop = try batch.run(request.mutations)
      try db.execute(
        sql: "UPDATE client SET last_client_seq = ? WHERE id = ?",
        arguments: [batch.last, request.clientID])
      if let stop { return .failure(stop) }
      let serverSeq =
        try Int64.fetchOne(
          db, sql: "SELECT MAX(seq) FROM change_log WHERE project = ?", arguments: [project]) ?? 0
      return .success(
        PushResponse(results: batch.results, lastClientSeq: batch.last, serverSeq: serverSeq))
    }
  }
}

/// One push batch inside its transaction: walks the mutations in `client_seq` order.
struct PushBatch {
  let store: SQLiteServerStore
  let db: Database
  let principal: Principal
  let project: String
  let clientID: String
  let assignments: [Assignment]
  var last: Int64
  var results: [MutationResult] = []

  /// Processes mutations until the end or a stop (gap, client regression, reused id); the stop
  /// is returned as the error the whole request answers. What came before it stays processed.
  mutating func run(_ mutations: [PushMutation]) throws -> APIError? {
    for mutation in mutations {
      let argumentsHash = MutationValidation.argumentsHash(mutation, project: project)
      if mutation.clientSeq <= last {
        let stored = try Row.fetchOne(
          db,
          sql: """
            SELECT mutation_id, args_hash, result FROM applied_mutation
            WHERE client_id = ? AND client_seq = ?
            """, arguments: [clientID, mutation.clientSeq])
        guard let stored, (stored["mutation_id"] as String) == mutation.mutationID else {
          return APIError(
            error: "client_reset_required",
            message:
              "client_seq \(mutation.clientSeq) was processed for another mutation; register a new client",
            lastClientSeq: last)
        }
        guard (stored["args_hash"] as String) == argumentsHash else {
          return try reusedMutationID(mutation)
        }
        let result = try SyncJSON.decoder().decode(
          MutationResult.self, from: Data((stored["result"] as String).utf8))
        results.append(result)
        continue
      }
      guard mutation.clientSeq == last + 1 else {
        return APIError(
          error: "gap",
          message: "client_seq \(mutation.clientSeq) follows \(last); resend from \(last + 1)",
          lastClientSeq: last)
      }
      if try Bool.fetchOne(
        db, sql: "SELECT 1 FROM applied_mutation WHERE mutation_id = ?",
        arguments: [mutation.mutationID]) ?? false
      {
        return try reusedMutationID(mutation)
      }
      let result = try apply(mutation)
      let encoded = String(decoding: try SyncJSON.encoder().encode(result), as: UTF8.self)
      try db.execute(
        sql: """
          INSERT INTO applied_mutation(client_id, client_seq, mutation_id, project, args_hash, result)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          clientID, mutation.clientSeq, mutation.mutationID, project, argumentsHash, encoded,
        ])
      last = mutation.clientSeq
      results.append(result)
    }
    return nil
  }

  func reusedMutationID(_ mutation: PushMutation) throws -> APIError {
    var entry = audit(mutation, action: "push.idempotency_reuse", outcome: "conflict")
    entry.code = "mutation_id_reused"
    try store.appendAudit(entry, db)
    return .conflict(
      "mutation_id \(mutation.mutationID) was used before with other arguments or another client")
  }

  func audit(_ mutation: PushMutation, action: String, outcome: String) -> AuditEntry {
    var entry = AuditEntry(principal: principal, action: action, outcome: outcome)
    entry.clientID = clientID
    entry.project = project
    entry.objectID = mutation.annotationID
    entry.mutationID = mutation.mutationID
    entry.clientSeq = mutation.clientSeq
    entry.studyHash = store.studyHash(mutation.scope.studyInstanceUID)
    return entry
  }

  /// Validation, policy, then the revision check; writes the revision, change row and audit row.
  func apply(_ mutation: PushMutation) throws -> MutationResult {
    let action =
      switch mutation.name {
      case .createAnnotation: "annotation.create"
      case .updateAnnotation: "annotation.update"
      case .deleteAnnotation: "annotation.delete"
      }
    func finish(
      _ outcome: MutationResult.Outcome, code: String? = nil, revision: Int? = nil,
      server: ChangeRecord? = nil, before: String? = nil, after: String? = nil
    ) throws -> MutationResult {
      var entry = audit(mutation, action: action, outcome: outcome.rawValue)
      entry.code = code
      entry.objectRevision = revision ?? server?.revision
      entry.beforeHash = before.map(CanonicalHash.of(body:))
      entry.afterHash = after.map(CanonicalHash.of(body:))
      try store.appendAudit(entry, db)
      return MutationResult(
        clientSeq: mutation.clientSeq, mutationID: mutation.mutationID, outcome: outcome,
        revision: revision, server: server, code: code)
    }
    guard MutationValidation.isValid(mutation) else {
      return try finish(.rejected, code: "invalid")
    }
    let current = try Row.fetchOne(
      db, sql: "SELECT * FROM annotation WHERE project = ? AND id = ?",
      arguments: [project, mutation.annotationID]
    ).map(ChangeRecord.init(row:))
    let facts = current.map { StoredAnnotationFacts(scope: $0.scope, author: $0.author) }
    let request = AccessRequest.mutate(mutation.name, scope: mutation.scope, current: facts)
    if case .deny(let code) = Policy.decide(
      request, principal: principal, assignments: assignments)
    {
      return try finish(.rejected, code: code)
    }
    /// The mutation's body written as `revision`.
    func written(_ revision: Int) -> ChangeRecord {
      ChangeRecord(
        annotationID: mutation.annotationID, revision: revision, deleted: false,
        scope: mutation.scope, body: mutation.body, author: principal.user, serverTime: "")
    }
    var next: ChangeRecord
    switch (mutation.name, current) {
    case (.createAnnotation, .some(let current))
    where current.deleted && current.revision == mutation.baseRevision:
      // Undo of a delete on the client: the annotation comes back as its next revision.
      next = written(current.revision + 1)
    case (.createAnnotation, .some(let current)):
      return try finish(.conflict, server: current)
    case (.createAnnotation, .none):
      next = written(1)
    case (_, .none):
      return try finish(.rejected, code: "not_found")
    case (_, .some(let current)) where current.revision != mutation.baseRevision:
      return try finish(.conflict, server: current)
    case (.deleteAnnotation, .some(let current)) where current.deleted:
      return try finish(.rejected, code: "already_deleted")
    case (.deleteAnnotation, .some(let current)):
      // A tombstone keeps the last body and scope: history is never physically deleted.
      next = current
      next.revision += 1
      next.deleted = true
      next.author = principal.user
    case (_, .some(let current)):
      next = written(current.revision + 1)
    }
    next.serverTime = SQLiteServerStore.iso8601(store.clock())
    try write(next)
    return try finish(
      .applied, revision: next.revision, before: current?.body,
      after: next.deleted ? nil : next.body)
  }

  /// Upserts the annotation and appends its change row with the project's next `seq`; SQLite's
  /// single writer makes `max + 1` commit-ordered.
  func write(_ record: ChangeRecord) throws {
    let columns: [(any DatabaseValueConvertible)?] = [
      project, record.annotationID, record.revision, record.deleted,
      record.scope.studyInstanceUID, record.scope.seriesInstanceUID, record.scope.sopInstanceUID,
      record.scope.frame, record.body, record.author, record.serverTime,
    ]
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO annotation(project, id, revision, deleted, study_uid, series_uid,
          sop_uid, frame, body, author, server_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, arguments: StatementArguments(columns))
    let seq =
      (try Int64.fetchOne(
        db, sql: "SELECT MAX(seq) FROM change_log WHERE project = ?", arguments: [project]) ?? 0)
      + 1
    try db.execute(
      sql: """
        INSERT INTO change_log(seq, project, annotation_id, revision, deleted, study_uid,
          series_uid, sop_uid, frame, body, author, server_time)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, arguments: StatementArguments([seq] + columns))
  }
}

extension ChangeRecord {
  /// A row of `annotation` or `change_log`.
  init(row: Row) {
    self.init(
      annotationID: row["annotation_id"] ?? row["id"], revision: row["revision"],
      deleted: row["deleted"],
      scope: AnnotationScope(
        studyInstanceUID: row["study_uid"], seriesInstanceUID: row["series_uid"],
        sopInstanceUID: row["sop_uid"], frame: row["frame"]),
      body: row["body"], author: row["author"], serverTime: row["server_time"])
  }
}
