import Foundation
import GRDB
import SyncProtocol
import Testing

@testable import AnnottyServer

@Suite struct PushTests {
  @Test func anAppliedCreateGetsRevisionOneAndTheFirstSeq() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    let response = try await fixture.store.push(
      PushRequest(clientID: client, mutations: [Make.create(1, id: "a1")]), project: "alpha",
      by: fixture.principal("ann"))
    #expect(response.results.map(\.outcome) == [.applied])
    #expect(response.results.first?.revision == 1)
    #expect(response.lastClientSeq == 1)
    #expect(response.serverSeq == 1)
  }

  @Test func aResentBatchReturnsTheStoredResultsAndWritesNothing() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    let ann = try await fixture.principal("ann")
    let batch = PushRequest(
      clientID: client, mutations: [Make.create(1, id: "a1"), Make.create(2, id: "a2")])
    let first = try await fixture.store.push(batch, project: "alpha", by: ann)
    let again = try await fixture.store.push(batch, project: "alpha", by: ann)
    #expect(again.results == first.results)
    #expect(again.serverSeq == 2)
    let page = try await fixture.store.changes(project: "alpha", after: 0, limit: 100, for: ann)
    #expect(page.changes.count == 2)
  }

  @Test func aGapStopsWithTheLastProcessedClientSeq() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    let ann = try await fixture.principal("ann")
    _ = try await fixture.store.push(
      PushRequest(clientID: client, mutations: [Make.create(1, id: "a1")]), project: "alpha",
      by: ann)
    let error = await #expect(throws: APIError.self) {
      try await fixture.store.push(
        PushRequest(clientID: client, mutations: [Make.create(3, id: "a3")]), project: "alpha",
        by: ann)
    }
    #expect(error?.error == "gap")
    #expect(error?.lastClientSeq == 1)
  }

  @Test func aProcessedClientSeqWithAnotherMutationIDNeedsAClientReset() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    let ann = try await fixture.principal("ann")
    _ = try await fixture.store.push(
      PushRequest(clientID: client, mutations: [Make.create(1, id: "a1")]), project: "alpha",
      by: ann)
    let error = await #expect(throws: APIError.self) {
      try await fixture.store.push(
        PushRequest(clientID: client, mutations: [Make.create(1, id: "other")]),
        project: "alpha", by: ann)
    }
    #expect(error?.error == "client_reset_required")
    #expect(error?.lastClientSeq == 1)
  }

  @Test func aStaleBaseRevisionIsAConflictCarryingTheServerRecord() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    let ann = try await fixture.principal("ann")
    let response = try await fixture.store.push(
      PushRequest(
        clientID: client,
        mutations: [
          Make.create(1, id: "a1"), Make.update(2, id: "a1", base: 1, body: #"{"v":2}"#),
          Make.update(3, id: "a1", base: 1, body: #"{"v":"stale"}"#),
        ]), project: "alpha", by: ann)
    #expect(response.results.map(\.outcome) == [.applied, .applied, .conflict])
    #expect(response.results[2].server?.revision == 2)
    #expect(response.results[2].server?.body == #"{"v":2}"#)
    #expect(response.lastClientSeq == 3)
    #expect(response.serverSeq == 2)
  }

  @Test func aDeleteWritesATombstoneRevision() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    let ann = try await fixture.principal("ann")
    let response = try await fixture.store.push(
      PushRequest(
        clientID: client, mutations: [Make.create(1, id: "a1"), Make.delete(2, id: "a1", base: 1)]),
      project: "alpha", by: ann)
    #expect(response.results.map(\.revision) == [1, 2])
    let page = try await fixture.store.changes(project: "alpha", after: 0, limit: 100, for: ann)
    #expect(page.changes.map(\.record.deleted) == [false, true])
    #expect(page.changes.last?.record.body == #"{"kind":"box"}"#)
    let rows = try await fixture.store.pool.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM annotation WHERE deleted = 1")
    }
    #expect(rows == 1)
  }

  @Test func aMutationIDReusedByAnotherClientIsAnAuditedConflict() async throws {
    let fixture = try await Fixture.make()
    let first = try await fixture.client("ann")
    let second = try await fixture.client("ann")
    let ann = try await fixture.principal("ann")
    let mutation = Make.create(1, id: "a1")
    _ = try await fixture.store.push(
      PushRequest(clientID: first, mutations: [mutation]), project: "alpha", by: ann)
    let error = await #expect(throws: APIError.self) {
      try await fixture.store.push(
        PushRequest(clientID: second, mutations: [mutation]), project: "alpha", by: ann)
    }
    #expect(error?.error == "conflict")
    let events = try await fixture.auditEvents()
    #expect(events.contains { $0.action == "push.idempotency_reuse" && $0.outcome == "conflict" })
  }

  @Test func theSameClientSeqWithChangedArgumentsIsAConflict() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    let ann = try await fixture.principal("ann")
    var mutation = Make.create(1, id: "a1")
    _ = try await fixture.store.push(
      PushRequest(clientID: client, mutations: [mutation]), project: "alpha", by: ann)
    mutation.body = #"{"changed":true}"#
    let error = await #expect(throws: APIError.self) {
      try await fixture.store.push(
        PushRequest(clientID: client, mutations: [mutation]), project: "alpha", by: ann)
    }
    #expect(error?.error == "conflict")
  }

  @Test func aClientOfAnotherUserIsNotFound() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann2")
    let error = await #expect(throws: APIError.self) {
      try await fixture.store.push(
        PushRequest(clientID: client, mutations: [Make.create(1, id: "a1")]), project: "alpha",
        by: fixture.principal("ann"))
    }
    #expect(error?.error == "not_found")
  }

  @Test func anotherProtocolVersionIsRefused() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    let error = await #expect(throws: APIError.self) {
      try await fixture.store.push(
        PushRequest(clientID: client, mutations: [], protocolVersion: 99), project: "alpha",
        by: fixture.principal("ann"))
    }
    #expect(error?.error == "unsupported_protocol")
  }

  @Test func theWriterRunsWithSynchronousFull() async throws {
    let fixture = try await Fixture.make()
    #expect(try await fixture.store.writerSynchronousLevel() == 2)
  }
}
