import Foundation
import SyncProtocol
import Testing

@testable import AnnottyServer

@Suite struct PolicyTests {
  @Test func reviewersAreReadOnly() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("rev")
    let response = try await fixture.store.push(
      PushRequest(clientID: client, mutations: [Make.create(1, id: "r1")]), project: "alpha",
      by: fixture.principal("rev"))
    #expect(response.results.map(\.code) == ["read_only"])
    #expect(response.results.map(\.outcome) == [.rejected])
    #expect(response.lastClientSeq == 1)
  }

  @Test func annotatorsEditOnlyTheirOwnAnnotationsInScope() async throws {
    let fixture = try await Fixture.make()
    let annClient = try await fixture.client("ann")
    let ann2Client = try await fixture.client("ann2")
    _ = try await fixture.store.push(
      PushRequest(clientID: annClient, mutations: [Make.create(1, id: "a1")]), project: "alpha",
      by: fixture.principal("ann"))
    let response = try await fixture.store.push(
      PushRequest(
        clientID: ann2Client,
        mutations: [
          Make.update(1, id: "a1", base: 1),
          Make.create(2, id: "b1", series: Fixture.seriesB),
          Make.create(3, id: "x1", study: "7.7"),
          Make.create(4, id: "mine"),
        ]), project: "alpha", by: fixture.principal("ann2"))
    #expect(response.results.map(\.code) == ["not_owner", "not_assigned", "not_assigned", nil])
    let events = try await fixture.auditEvents()
    let rejected = events.filter { $0.outcome == "rejected" }.compactMap(\.code)
    #expect(rejected == ["not_owner", "not_assigned", "not_assigned"])
  }

  @Test func admissionToAProjectNeedsAnAssignment() {
    let outsider = Principal(
      user: "out", role: .annotator, tokenID: nil, tokenExpiresAt: nil, source: "test")
    let alpha = [Assignment(user: "ann", studyInstanceUID: "1.2.3")]
    #expect(Policy.decide(.enterProject, principal: outsider, assignments: alpha) != .allow)
    #expect(Policy.decide(.administer, principal: outsider, assignments: alpha) != .allow)
    var admin = outsider
    admin.role = .admin
    #expect(Policy.decide(.enterProject, principal: admin, assignments: []) == .allow)
  }
}
