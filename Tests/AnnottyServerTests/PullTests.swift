import Foundation
import SyncProtocol
import Testing

@testable import AnnottyServer

@Suite struct PullTests {
  @Test func pagesFollowTheCursorToTheEnd() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    let ann = try await fixture.principal("ann")
    _ = try await fixture.store.push(
      PushRequest(clientID: client, mutations: (1...5).map { Make.create($0, id: "a\($0)") }),
      project: "alpha", by: ann)
    var cursor: Int64 = 0
    var pages: [[Int64]] = []
    var hasMore = true
    while hasMore {
      let page = try await fixture.store.changes(
        project: "alpha", after: cursor, limit: 2, for: ann)
      pages.append(page.changes.map(\.seq))
      cursor = page.nextCursor
      hasMore = page.hasMore
    }
    #expect(pages == [[1, 2], [3, 4], [5]])
    #expect(cursor == 5)
  }

  @Test func aSeriesAssignmentSeesOnlyItsSeriesButTheCursorPassesTheRest() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    _ = try await fixture.store.push(
      PushRequest(
        clientID: client,
        mutations: [
          Make.create(1, id: "a", series: Fixture.seriesA),
          Make.create(2, id: "b", series: Fixture.seriesB),
          Make.create(3, id: "c", series: Fixture.seriesB),
        ]), project: "alpha", by: fixture.principal("ann"))
    let page = try await fixture.store.changes(
      project: "alpha", after: 0, limit: 1000, for: fixture.principal("ann2"))
    #expect(page.changes.map(\.record.annotationID) == ["a"])
    #expect(page.nextCursor == 3)
    #expect(!page.hasMore)
  }

  @Test func aProjectWithoutAssignmentIsNotFoundAndTheDenialAudited() async throws {
    let fixture = try await Fixture.make()
    let error = await #expect(throws: APIError.self) {
      try await fixture.store.changes(
        project: "alpha", after: 0, limit: 10, for: fixture.principal("out"))
    }
    #expect(error?.error == "not_found")
    let events = try await fixture.auditEvents()
    #expect(events.contains { $0.actor == "out" && $0.outcome == "denied" })
  }
}
