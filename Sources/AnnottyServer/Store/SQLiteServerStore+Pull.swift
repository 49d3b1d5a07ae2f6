import Foundation
import GRDB
import SyncProtocol

extension SQLiteServerStore {
  public func changes(
    project: String, after cursor: Int64, limit: Int, for principal: Principal
  ) async throws -> ChangesPage {
    guard cursor >= 0 else { throw APIError.badRequest("after must be ≥ 0") }
    guard (1...SyncLimits.maximumPageChanges).contains(limit) else {
      throw APIError.badRequest("limit must be 1...\(SyncLimits.maximumPageChanges)")
    }
    // Reads run on a reader connection; only a denial (audited) needs the writer.
    let page = try await pool.read { db -> Result<ChangesPage, APIError>? in
      guard try self.projectExists(db, project) else { return nil }
      let assignments = try self.assignments(db, project: project)
      guard Policy.decide(.enterProject, principal: principal, assignments: assignments) == .allow
      else { return nil }
      let rows = try Row.fetchAll(
        db,
        sql: "SELECT * FROM change_log WHERE project = ? AND seq > ? ORDER BY seq LIMIT ?",
        arguments: [project, cursor, limit + 1])
      let pageRows = rows.prefix(limit)
      let changes = pageRows.compactMap { row -> Change? in
        let record = ChangeRecord(row: row)
        let decision = Policy.decide(
          .readAnnotation(record.scope), principal: principal, assignments: assignments)
        return decision == .allow ? Change(seq: row["seq"], record: record) : nil
      }
      // The cursor passes hidden rows too, so a narrow scope never re-reads the same page.
      let next: Int64 = pageRows.last?["seq"] ?? cursor
      return .success(ChangesPage(changes: changes, nextCursor: next, hasMore: rows.count > limit))
    }
    if let page { return try page.get() }
    return try await writeCommitting { db in
      try self.enterProject(db, principal, project: project, action: "changes.read").map { _ in
        ChangesPage(changes: [], nextCursor: cursor, hasMore: false)
      }
    }
  }
}
