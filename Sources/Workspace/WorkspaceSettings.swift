import GRDB

/// Facts about a workspace as a whole.
public struct WorkspaceSettings: Sendable {
  let database: DatabasePool

  /// The de-identification method when every image was imported de-identified (`import --deid`);
  /// nil for a workspace that may hold PHI.
  public func deidentificationMethod() throws -> String? {
    try database.workspaceRead { db in
      try String.fetchOne(
        db, sql: "SELECT value FROM workspace_setting WHERE key = 'deidentified'")
    }
  }

  /// Marks the workspace de-identified, naming the method; only an empty workspace or one that
  /// is already marked can be marked.
  public func markDeidentified(method: String) throws {
    try database.workspaceWrite { db in
      try db.execute(
        sql: """
          INSERT INTO workspace_setting (key, value) VALUES ('deidentified', ?)
          ON CONFLICT (key) DO UPDATE SET value = excluded.value
          """, arguments: [method])
    }
  }
}
