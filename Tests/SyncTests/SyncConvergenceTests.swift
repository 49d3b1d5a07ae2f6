import Annotations
import AppShell
import Foundation
import SyncClient
import SyncProtocol
import Testing
import Workspace

#if canImport(Glibc)
  import Glibc
#endif

/// Two workspaces and a real server process on 127.0.0.1.
@Suite(.serialized) struct SyncConvergenceTests {
  @Test func twoWorkspacesConverge() async throws {
    let fixture = try SyncFixture()
    let aliceToken = try fixture.user("alice")
    let bobToken = try fixture.user("bob")
    let alice = try fixture.workspace("alice")
    let bob = try fixture.workspace("bob")
    var boxes: [Annotation] = []
    for index in 1...3 {
      let box = SyncFixture.box(index, author: "alice")
      try alice.annotations.apply(.add(box))
      boxes.append(box)
    }
    try alice.annotations.apply(
      .delete(try #require(try alice.annotations.annotation(id: boxes[2].id)?.annotation)))
    let first = try await fixture.engine(alice, token: aliceToken).run()
    #expect(first.applied == 4 && first.conflicts == 0 && first.pending == 0)

    let pulled = try await fixture.engine(bob, token: bobToken).run()
    #expect(pulled.pulled >= 3)
    try bob.annotations.apply(.add(SyncFixture.box(9, author: "bob")))
    _ = try await fixture.engine(bob, token: bobToken).run()
    _ = try await fixture.engine(alice, token: aliceToken).run()

    let aliceView = try SyncFixture.snapshot(alice)
    #expect(aliceView.count == 4)
    #expect(aliceView == (try SyncFixture.snapshot(bob)))
    #expect(aliceView[boxes[2].id]?.contains("deleted") == true)
  }

  /// One user on two machines edits the same box offline: the second push is a conflict with
  /// both versions kept; keeping mine pushes it on top, and the first machine then sees it.
  @Test func aConcurrentEditIsAConflictWithBothVersionsVisible() async throws {
    let fixture = try SyncFixture()
    let token = try fixture.user("alice")
    let laptop = try fixture.workspace("laptop")
    let desktop = try fixture.workspace("desktop")
    let box = SyncFixture.box(1, author: "alice")
    try laptop.annotations.apply(.add(box))
    _ = try await fixture.engine(laptop, token: token).run()
    _ = try await fixture.engine(desktop, token: token).run()

    for (workspace, x) in [(laptop, 100.0), (desktop, 200.0)] {
      let stored = try #require(try workspace.annotations.annotation(id: box.id)?.annotation)
      var moved = stored
      moved.shape = .box(BoundingBox(x: x, y: 1, width: 20, height: 20))
      try workspace.annotations.apply(.update(before: stored, after: moved))
    }
    let laptopRound = try await fixture.engine(laptop, token: token).run()
    #expect(laptopRound.applied == 1)
    let desktopRound = try await fixture.engine(desktop, token: token).run()
    #expect(desktopRound.conflicts == 1 && desktopRound.openConflicts == 1)

    let conflict = try #require(try desktop.sync.conflicts().first)
    #expect(conflict.mine.shape == .box(BoundingBox(x: 200, y: 1, width: 20, height: 20)))
    #expect(conflict.theirs?.shape == .box(BoundingBox(x: 100, y: 1, width: 20, height: 20)))
    #expect(conflict.theirsRevision == 2 && conflict.theirsAuthor == "alice")
    // Until settled, the desktop keeps showing its own version.
    #expect(
      try desktop.annotations.annotation(id: box.id)?.annotation.shape
        == .box(BoundingBox(x: 200, y: 1, width: 20, height: 20)))

    try desktop.sync.resolve(annotationID: box.id, choice: .keepMine)
    let settled = try await fixture.engine(desktop, token: token).run()
    #expect(settled.applied == 1 && settled.openConflicts == 0)
    _ = try await fixture.engine(laptop, token: token).run()
    #expect(try SyncFixture.snapshot(laptop) == (try SyncFixture.snapshot(desktop)))
    #expect(try laptop.annotations.annotation(id: box.id)?.annotation.revision == 3)
  }

  /// What each role may do, at the process level: a reviewer's push is rejected as read-only,
  /// a user without an assignment sees no project, expired and revoked tokens are refused.
  @Test func rolesAndTokensAreEnforced() async throws {
    let fixture = try SyncFixture()
    let aliceToken = try fixture.user("alice")
    let reviewerToken = try fixture.user("rita", role: "reviewer")
    let outsiderToken = try fixture.user("oscar", assigned: false)
    let shortToken = try fixture.server.addUser("sam", role: "annotator", lifetime: 1)

    let alice = try fixture.workspace("alice")
    try alice.annotations.apply(.add(SyncFixture.box(1, author: "alice")))
    _ = try await fixture.engine(alice, token: aliceToken).run()

    let reviewer = try fixture.workspace("reviewer")
    let reviewed = try await fixture.engine(reviewer, token: reviewerToken).run()
    #expect(reviewed.pulled == 1)
    try reviewer.annotations.apply(.add(SyncFixture.box(2, author: "rita")))
    let refused = try await fixture.engine(reviewer, token: reviewerToken).run()
    #expect(refused.rejected == 1)
    #expect(try reviewer.sync.rejections().first?.code == "read_only")

    let outsider = try fixture.workspace("outsider")
    await #expect(throws: SyncError.self) {
      _ = try await fixture.engine(outsider, token: outsiderToken).run()
    }
    do {
      _ = try await fixture.engine(outsider, token: outsiderToken).run()
    } catch SyncError.server(let status, _) {
      #expect(status == 404)
    }

    try await Task.sleep(nanoseconds: 2_100_000_000)
    let transport = HTTPTransport(
      baseURL: URL(string: fixture.server.url)!, token: shortToken, timeout: 10)
    await #expect(throws: SyncError.self) { _ = try await transport.whoami() }

    let me = try await HTTPTransport(
      baseURL: URL(string: fixture.server.url)!, token: aliceToken
    ).whoami()
    try fixture.server.admin(["token", "revoke", me.tokenID])
    do {
      _ = try await HTTPTransport(baseURL: URL(string: fixture.server.url)!, token: aliceToken)
        .whoami()
      Issue.record("a revoked token was accepted")
    } catch SyncError.server(let status, _) {
      #expect(status == 401)
    }
  }
}

/// `annotty open`'s background sync: a round runs at start and after a poke, and its status
/// arrives through the wake descriptor the event loop polls.
@Suite(.serialized) struct BackgroundSyncTests {
  @Test func roundsRunAndReportThroughTheWakeDescriptor() async throws {
    let fixture = try SyncFixture()
    let token = try fixture.user("alice")
    let workspace = try fixture.workspace("alice")
    try workspace.annotations.apply(.add(SyncFixture.box(1, author: "alice")))
    let background = BackgroundSync(engine: try fixture.engine(workspace, token: token))
    background.start()
    defer { background.stop() }
    #expect(try await Self.nextStatus(background) == "synced")
    #expect(try workspace.sync.pending().isEmpty)

    try workspace.annotations.apply(.add(SyncFixture.box(2, author: "alice")))
    background.poke()
    #expect(try await Self.nextStatus(background) == "synced")
    #expect(try workspace.sync.pending().isEmpty)

    fixture.server.stop(signal: SIGKILL)
    background.poke()
    #expect(try await Self.nextStatus(background) == "offline")
  }

  static func nextStatus(_ background: BackgroundSync) async throws -> String? {
    // Up to 30 s: a loaded CI machine may take long; a working sync answers in milliseconds.
    for _ in 0..<600 {
      var descriptor = pollfd(fd: background.wakeDescriptor, events: Int16(POLLIN), revents: 0)
      if poll(&descriptor, 1, 0) > 0 { return background.takeResults().last }
      try await Task.sleep(nanoseconds: 50_000_000)
    }
    return nil
  }
}
