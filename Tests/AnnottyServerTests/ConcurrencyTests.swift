import Foundation
import GRDB
import SyncProtocol
import Testing

@testable import AnnottyServer

@Suite struct ConcurrencyTests {
  @Test func concurrentPushesGiveAGapFreeSeqAndOneEffectPerMutation() async throws {
    let fixture = try await Fixture.make()
    let ann = try await fixture.principal("ann")
    var clients: [String] = []
    for _ in 0..<8 { clients.append(try await fixture.client("ann")) }
    let store = fixture.store
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (index, client) in clients.enumerated() {
        group.addTask {
          for batch in 0..<5 {
            let mutations = (1...4).map { offset in
              Make.create(Int64(batch * 4 + offset), id: "c\(index)-\(batch)-\(offset)")
            }
            let request = PushRequest(clientID: client, mutations: mutations)
            _ = try await store.push(request, project: "alpha", by: ann)
            // Every batch is sent twice, as a client does after a lost response.
            _ = try await store.push(request, project: "alpha", by: ann)
          }
        }
      }
      try await group.waitForAll()
    }
    let seqs = try await store.pool.read { db in
      try Int64.fetchAll(db, sql: "SELECT seq FROM change_log WHERE project = 'alpha' ORDER BY seq")
    }
    #expect(seqs == Array(1...160))
    let applied = try await store.pool.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT mutation_id) FROM applied_mutation")
    }
    #expect(applied == 160)
    #expect(
      try await store.verifyAuditChain() == .intact(rows: try await fixture.auditEvents().count))
  }
}
