import Annotations
import Foundation
import GRDB

/// A workspace folder: `annotty.sqlite` holds the image index, annotations, undo history and the
/// sync outbox.
///
/// Opening creates the folder and the database when missing and brings the schema up to date
/// through named migrations. Every connection runs WAL with `foreign_keys = ON`; the writer runs
/// `synchronous = FULL` so a commit survives power loss, not only a process kill.
public final class Workspace: Sendable {
  /// The database file's name inside the workspace folder.
  public static let databaseFileName = "annotty.sqlite"

  /// The workspace folder as given to `init`.
  public let folderPath: String
  /// The database; every write goes through its single writer connection.
  public let database: DatabasePool
  /// The image index the importer fills and `annotty ls` reads.
  public let index: WorkspaceIndex
  /// Annotations, their persisted undo history and the outbox.
  public let annotations: AnnotationStore
  /// What sync pushes, pulled changes, conflicts and rejections.
  public let sync: SyncLedger
  /// Facts about the workspace as a whole (de-identified or not).
  public let settings: WorkspaceSettings

  /// Opens (creating when missing) the workspace at `folderPath`; `clock` stamps undo, redo and
  /// outbox rows, so tests can fix it.
  public init(
    folderPath: String, clock: @escaping @Sendable () -> Timestamp = WorkspaceClock.now
  ) throws {
    self.folderPath = folderPath
    try Workspace.createFolder(folderPath)
    let path = (folderPath as NSString).appendingPathComponent(Workspace.databaseFileName)
    do {
      database = try DatabasePool(path: path, configuration: Workspace.configuration())
      // DatabasePool sets synchronous = NORMAL on its writer after prepareDatabase has run
      // (WAL set-up), so FULL must be issued again once the pool is open.
      let level = try database.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = FULL")
        return try Int.fetchOne(db, sql: "PRAGMA synchronous")
      }
      guard level == 2 else {
        throw WorkspaceError.notDurable(path: path, synchronous: level)
      }
      try WorkspaceMigrations.migrator.migrate(database)
    } catch let error as WorkspaceError {
      throw error
    } catch {
      throw WorkspaceError.database(path: path, underlying: "\(error)")
    }
    index = WorkspaceIndex(database: database)
    annotations = AnnotationStore(database: database, clock: clock)
    sync = SyncLedger(database: database, clock: clock)
    settings = WorkspaceSettings(database: database)
  }

  /// The path of `annotty.sqlite` in this workspace.
  public var databasePath: String {
    (folderPath as NSString).appendingPathComponent(Workspace.databaseFileName)
  }

  /// The writer's `PRAGMA synchronous` level (2 is FULL), for checks and diagnostics.
  public func synchronousLevel() throws -> Int {
    try database.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 }
  }

  /// The result of `PRAGMA integrity_check`: `["ok"]` for a sound database.
  public func integrityCheck() throws -> [String] {
    try database.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
  }

  private static func configuration() -> Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    // Another annotty process (a second TUI, `annotty sync`) may hold the write lock briefly.
    configuration.busyMode = .timeout(5)
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    return configuration
  }

  private static func createFolder(_ folderPath: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folderPath, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw WorkspaceError.notAFolder(path: folderPath) }
      return
    }
    do {
      try FileManager.default.createDirectory(
        atPath: folderPath, withIntermediateDirectories: true)
    } catch {
      throw WorkspaceError.cannotCreateFolder(
        path: folderPath, reason: error.localizedDescription)
    }
  }
}

/// The wall clock as annotation timestamps (UTC, milliseconds).
public enum WorkspaceClock {
  /// Now, truncated to the millisecond.
  @Sendable public static func now() -> Timestamp {
    Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
  }
}
