import Foundation
import GRDB
import SyncProtocol
import Testing

@testable import AnnottyServer

@Suite(.serialized) struct ServerProcessTests {
  static func temporaryDirectory() -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-server-process-\(UUID().uuidString)").path
  }

  @Test func aServerProcessAnswersOverHTTPAndStopsCleanlyOnSIGTERM() async throws {
    let data = Self.temporaryDirectory()
    let added = try ServerBinary.run(["user", "add", "root", "--role", "admin", "--data", data])
    #expect(added.status == 0)
    let token = added.stdout.trimmingCharacters(in: .newlines)
    #expect(AccessToken.isWellFormed(token))
    #expect(added.stdout == token + "\n")

    let server = try RunningServer(data: data)
    let (whoStatus, whoBody) = try await server.request("GET", "/v1/whoami", token: token)
    #expect(whoStatus == 200)
    #expect(try SyncJSON.decoder().decode(WhoAmI.self, from: whoBody).user == "root")
    let (createStatus, _) = try await server.request(
      "POST", "/v1/projects", token: token, body: #"{"name":"alpha"}"#)
    #expect(createStatus == 201)
    // The admin command line writes while the server runs.
    let assign = try ServerBinary.run(["assign", "alpha", "root", "1.2.3", "--data", data])
    #expect(assign.status == 0)
    let (listStatus, listBody) = try await server.request(
      "GET", "/v1/projects/alpha/assignments", token: token)
    #expect(listStatus == 200)
    #expect(try SyncJSON.decoder().decode([Assignment].self, from: listBody).count == 1)
    let (refusedStatus, _) = try await server.request("GET", "/v1/whoami", token: "annotty_x")
    #expect(refusedStatus == 401)
    #expect(server.stop() == 0)
  }

  @Test func auditVerifyPassesThenFindsTheEditedRow() throws {
    let data = Self.temporaryDirectory()
    #expect(
      try ServerBinary.run(["user", "add", "a", "--role", "annotator", "--data", data]).status == 0)
    #expect(try ServerBinary.run(["project", "create", "alpha", "--data", data]).status == 0)
    #expect(try ServerBinary.run(["assign", "alpha", "a", "1.2.3", "--data", data]).status == 0)
    let intact = try ServerBinary.run(["audit", "verify", "--data", data])
    #expect(intact.status == 0)
    #expect(intact.stdout == "4 rows, chain intact\n")

    // Someone with access to the file removes the append-only guard and rewrites history.
    let queue = try DatabaseQueue(path: data + "/annotty-server.sqlite")
    try queue.write { db in
      try db.execute(sql: "DROP TRIGGER audit_event_no_update")
      try db.execute(sql: "UPDATE audit_event SET actor = 'someone-else' WHERE seq = 2")
    }
    try queue.close()
    let broken = try ServerBinary.run(["audit", "verify", "--data", data])
    #expect(broken.status == 1)
    #expect(broken.stdout.hasPrefix("audit row 2:"))
  }

  @Test func anAuditRowCannotBeUpdatedThroughSQLWhileTheGuardIsThere() async throws {
    let fixture = try await Fixture.make()
    await #expect(throws: DatabaseError.self) {
      try await fixture.store.pool.write { db in
        try db.execute(sql: "UPDATE audit_event SET outcome = 'success'")
      }
    }
    let rows = try await fixture.auditEvents().count
    #expect(try await fixture.store.verifyAuditChain() == .intact(rows: rows))
  }

  @Test func administrationErrorsNameTheProblemAndExitWith2() throws {
    let data = Self.temporaryDirectory()
    let unknownUser = try ServerBinary.run(["token", "issue", "nobody", "--data", data])
    #expect(unknownUser.status == 2)
    #expect(unknownUser.stderr.contains("no user named nobody"))
    let badListen = try ServerBinary.run(["serve", "--data", data, "--listen", "nowhere"])
    #expect(badListen.status == 2)
    #expect(badListen.stderr.contains("--listen nowhere"))
    let unwritable = try ServerBinary.run(["project", "create", "p", "--data", "/proc/annotty"])
    #expect(unwritable.status == 2)
    #expect(unwritable.stderr.contains("/proc/annotty/annotty-server.sqlite"))
    #expect(!unwritable.stderr.contains("Fatal"))
  }
}
