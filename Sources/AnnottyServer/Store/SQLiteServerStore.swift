import Crypto
import Foundation
import GRDB
import SyncProtocol

/// The embedded `ServerStore`: one SQLite file under the data directory, GRDB `DatabasePool`,
/// WAL, `synchronous = FULL`. The admin command line may write to the same file while the
/// server runs; the busy timeout makes each wait for the other.
public final class SQLiteServerStore: ServerStore {
  let pool: DatabasePool
  let clock: @Sendable () -> Date
  let idleTimeout: TimeInterval
  /// The HMAC key for UIDs in audit rows (kept as bytes: `SymmetricKey` is not `Sendable`).
  let uidKey: Data

  /// Opens (creating and migrating if needed) `annotty-server.sqlite` in `directory`.
  public convenience init(
    directory: URL, idleTimeout: TimeInterval = TokenLifetime.defaultIdleTimeout,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try self.init(
      path: directory.appendingPathComponent("annotty-server.sqlite").path,
      idleTimeout: idleTimeout, clock: clock)
  }

  /// Opens the database file at `path`.
  public init(
    path: String, idleTimeout: TimeInterval = TokenLifetime.defaultIdleTimeout,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) throws {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(5)
    let pool = try DatabasePool(path: path, configuration: configuration)
    // GRDB switches the pool's writer to NORMAL after `prepareDatabase`; in WAL + NORMAL an OS
    // crash may roll back a push the client has already dropped from its outbox.
    let synchronous = try pool.writeWithoutTransaction { db -> Int in
      try db.execute(sql: "PRAGMA synchronous = FULL")
      return try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
    }
    guard synchronous == 2 else {
      throw APIError(
        error: "storage", message: "\(path): PRAGMA synchronous reads \(synchronous), not FULL (2)")
    }
    try ServerSchema.migrator().migrate(pool)
    let key = try pool.read { db in
      try Data.fetchOne(db, sql: "SELECT uid_hmac_key FROM server_key WHERE id = 1")
    }
    guard let key else {
      throw APIError(error: "storage", message: "\(path): the server key row is missing")
    }
    self.pool = pool
    self.clock = clock
    self.idleTimeout = idleTimeout
    self.uidKey = key
  }

  /// Closes the database; later calls fail.
  public func close() throws {
    try pool.close()
  }

  /// The `synchronous` level the writer runs with (2 = FULL).
  public func writerSynchronousLevel() async throws -> Int {
    try await pool.writeWithoutTransaction { db in
      try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
    }
  }

  // MARK: Shared helpers

  static func iso8601(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
  }

  func studyHash(_ uid: String) -> String {
    CanonicalHash.hex(
      HMAC<SHA256>.authenticationCode(for: Data(uid.utf8), using: SymmetricKey(data: uidKey)))
  }

  /// Runs `body` in one write transaction; a `.failure` still commits what `body` wrote (its
  /// audit rows), then is thrown.
  func writeCommitting<T: Sendable>(
    _ body: @escaping @Sendable (Database) throws -> Result<T, APIError>
  ) async throws -> T {
    try await pool.write(body).get()
  }

  /// Appends a denial to the audit trail and returns the 404 the caller answers.
  func deny(
    _ db: Database, _ principal: Principal, action: String, code: String, project: String? = nil
  ) throws -> APIError {
    var entry = AuditEntry(principal: principal, action: action, outcome: "denied", code: code)
    entry.project = project
    try appendAudit(entry, db)
    return .notFound()
  }

  func assignments(_ db: Database, project: String) throws -> [Assignment] {
    try Row.fetchAll(
      db,
      sql:
        "SELECT user_name, study_uid, series_uid FROM assignment WHERE project = ? ORDER BY rowid",
      arguments: [project]
    ).map { row in
      let series: String = row["series_uid"]
      return Assignment(
        user: row["user_name"], studyInstanceUID: row["study_uid"],
        seriesInstanceUID: series.isEmpty ? nil : series)
    }
  }

  func projectExists(_ db: Database, _ project: String) throws -> Bool {
    try Bool.fetchOne(db, sql: "SELECT 1 FROM project WHERE name = ?", arguments: [project])
      ?? false
  }

  /// Opens a project for `principal` (any assignment, or admin); otherwise a 404, audited.
  func enterProject(_ db: Database, _ principal: Principal, project: String, action: String)
    throws -> Result<[Assignment], APIError>
  {
    guard try projectExists(db, project) else {
      if principal.role == .admin { return .failure(.notFound("no project named \(project)")) }
      return .failure(try deny(db, principal, action: action, code: "not_assigned"))
    }
    let all = try assignments(db, project: project)
    switch Policy.decide(.enterProject, principal: principal, assignments: all) {
    case .allow: return .success(all)
    case .deny(let code):
      return .failure(try deny(db, principal, action: action, code: code, project: project))
    }
  }

  /// Admin gate for administration operations; a denial is audited and answers 404.
  func administer(_ db: Database, _ principal: Principal, action: String) throws -> APIError? {
    switch Policy.decide(.administer, principal: principal, assignments: []) {
    case .allow: return nil
    case .deny(let code): return try deny(db, principal, action: action, code: code)
    }
  }

  static func validName(_ name: String) -> Bool {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
    return (1...64).contains(name.count) && name.allSatisfy { allowed.contains($0) }
  }
}
