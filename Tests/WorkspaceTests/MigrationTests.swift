import Foundation
import GRDB
import Testing
import Workspace

@Suite struct MigrationTests {
  @Test func openingAnEmptyFolderCreatesTheSchemaDurably() throws {
    let folder = TemporaryFolder("migrate")
    defer { folder.remove() }
    let nested = (folder.path as NSString).appendingPathComponent("a/b")
    let workspace = try Workspace(folderPath: nested)
    #expect(FileManager.default.fileExists(atPath: workspace.databasePath))
    #expect(try workspace.synchronousLevel() == 2)
    let (journal, foreignKeys) = try workspace.database.writeWithoutTransaction { db in
      (
        try String.fetchOne(db, sql: "PRAGMA journal_mode"),
        try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
      )
    }
    #expect(journal == "wal" && foreignKeys == 1)
    try workspace.database.read { db in
      #expect(try Int.fetchOne(db, sql: "PRAGMA foreign_keys") == 1)
      let applied = try String.fetchAll(
        db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
      #expect(applied == ["v1-index", "v2-annotations", "v3-sync", "v4-settings"])
      #expect(applied == WorkspaceMigrations.names)
      for table in [
        "patient", "study", "series", "instance", "stack", "frame", "annotation",
        "edit_history", "history_cursor", "outbox", "sync_state", "sync_conflict",
        "sync_rejection", "workspace_setting",
      ] {
        #expect(try db.tableExists(table), "table \(table)")
      }
    }
    #expect(try workspace.integrityCheck() == ["ok"])
    let state = try workspace.annotations.syncState()
    #expect(state.nextClientSeq == 1)
    #expect(state.ackedClientSeq == 0)
    #expect(state.clientID.count == 36)
  }

  @Test func reopeningKeepsTheClientIDAndAppliesNothingTwice() throws {
    let folder = TemporaryFolder("reopen")
    defer { folder.remove() }
    let first = try Workspace(folderPath: folder.path).annotations.syncState().clientID
    let again = try Workspace(folderPath: folder.path)
    #expect(try again.annotations.syncState().clientID == first)
    #expect(try again.synchronousLevel() == 2)
  }

  @Test func aFileWhereTheFolderShouldBeIsAnError() throws {
    let folder = TemporaryFolder("notfolder")
    defer { folder.remove() }
    try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
    let file = (folder.path as NSString).appendingPathComponent("plain")
    try Data("x".utf8).write(to: URL(fileURLWithPath: file))
    #expect(throws: WorkspaceError.notAFolder(path: file)) { try Workspace(folderPath: file) }
  }

  @Test func aDatabaseFileThatIsNotSQLiteIsAnErrorNamingIt() throws {
    let folder = TemporaryFolder("garbage")
    defer { folder.remove() }
    try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
    let path = (folder.path as NSString).appendingPathComponent(Workspace.databaseFileName)
    try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
    do {
      _ = try Workspace(folderPath: folder.path)
      Issue.record("opening a non-database file succeeded")
    } catch let error as WorkspaceError {
      #expect(error.description.contains(path))
    }
  }
}
