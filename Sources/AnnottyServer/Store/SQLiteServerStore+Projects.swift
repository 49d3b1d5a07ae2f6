import Foundation
import GRDB
import SyncProtocol

extension SQLiteServerStore {
  public func registerClient(_ request: RegisterClientRequest, by principal: Principal)
    async throws -> RegisterClientResponse
  {
    let name = request.deviceName
    guard (1...128).contains(name.count), !name.contains(where: \.isNewline) else {
      throw APIError.badRequest("device_name: 1 to 128 characters on one line")
    }
    return try await writeCommitting { db in
      guard
        try Bool.fetchOne(
          db, sql: "SELECT 1 FROM user WHERE name = ?", arguments: [principal.user]) ?? false
      else { return .failure(.badRequest("only users with a token register clients")) }
      let id = RandomID.make("c-")
      try db.execute(
        sql: "INSERT INTO client(id, user_name, device_name, created_at) VALUES (?, ?, ?, ?)",
        arguments: [id, principal.user, name, Self.iso8601(self.clock())])
      var entry = AuditEntry(principal: principal, action: "client.register", outcome: "success")
      entry.clientID = id
      try self.appendAudit(entry, db)
      return .success(RegisterClientResponse(clientID: id, lastClientSeq: 0))
    }
  }

  public func projects(visibleTo principal: Principal) async throws -> [Project] {
    try await pool.read { db in
      let names =
        principal.role == .admin
        ? try String.fetchAll(db, sql: "SELECT name FROM project ORDER BY name")
        : try String.fetchAll(
          db, sql: "SELECT DISTINCT project FROM assignment WHERE user_name = ? ORDER BY project",
          arguments: [principal.user])
      return names.map(Project.init(name:))
    }
  }

  public func createProject(_ project: Project, by principal: Principal) async throws -> Project {
    guard Self.validName(project.name) else {
      throw APIError.badRequest("name: 1 to 64 characters of A-Z a-z 0-9 . _ -")
    }
    return try await writeCommitting { db in
      if let denial = try self.administer(db, principal, action: "project.create") {
        return .failure(denial)
      }
      if try self.projectExists(db, project.name) {
        return .failure(.conflict("a project named \(project.name) exists"))
      }
      try db.execute(
        sql: "INSERT INTO project(name, created_at) VALUES (?, ?)",
        arguments: [project.name, Self.iso8601(self.clock())])
      var entry = AuditEntry(principal: principal, action: "project.create", outcome: "success")
      entry.project = project.name
      try self.appendAudit(entry, db)
      return .success(project)
    }
  }

  public func assignments(project: String, visibleTo principal: Principal) async throws
    -> [Assignment]
  {
    try await writeCommitting { db in
      try self.enterProject(db, principal, project: project, action: "assignments.read").map {
        all in
        principal.role == .admin ? all : all.filter { $0.user == principal.user }
      }
    }
  }

  public func addAssignment(_ assignment: Assignment, project: String, by principal: Principal)
    async throws -> Assignment
  {
    let study = assignment.studyInstanceUID
    guard Self.validUID(study) else {
      throw APIError.badRequest("study_instance_uid: 1 to 64 characters of digits and dots")
    }
    if let series = assignment.seriesInstanceUID, !Self.validUID(series) {
      throw APIError.badRequest("series_instance_uid: 1 to 64 characters of digits and dots")
    }
    return try await writeCommitting { db in
      if let denial = try self.administer(db, principal, action: "assignment.add") {
        return .failure(denial)
      }
      guard try self.projectExists(db, project) else {
        return .failure(.notFound("no project named \(project)"))
      }
      guard
        try Bool.fetchOne(
          db, sql: "SELECT 1 FROM user WHERE name = ?", arguments: [assignment.user]) ?? false
      else { return .failure(.notFound("no user named \(assignment.user)")) }
      try db.execute(
        sql: """
          INSERT OR IGNORE INTO assignment(project, user_name, study_uid, series_uid)
          VALUES (?, ?, ?, ?)
          """,
        arguments: [project, assignment.user, study, assignment.seriesInstanceUID ?? ""])
      var entry = AuditEntry(principal: principal, action: "assignment.add", outcome: "success")
      entry.project = project
      entry.objectID = assignment.user
      entry.studyHash = self.studyHash(study)
      try self.appendAudit(entry, db)
      return .success(assignment)
    }
  }

  static func validUID(_ uid: String) -> Bool {
    (1...64).contains(uid.utf8.count) && uid.allSatisfy { $0 == "." || $0.isASCII && $0.isNumber }
  }
}
