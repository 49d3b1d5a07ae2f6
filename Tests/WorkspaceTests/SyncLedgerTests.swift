import Annotations
import Foundation
import Testing
import Workspace

/// The workspace's side of sync, without a server: what goes out, what comes back, conflicts.
@Suite struct SyncLedgerTests {
  let folder = TemporaryFolder("ledger")

  func open() throws -> Workspace {
    let clock = SteppingClock()
    return try Workspace(folderPath: folder.path, clock: { clock.now() })
  }

  func theirs(_ annotation: Annotation, revision: Int, x: Double, author: String = "alice")
    throws -> ServerVersion
  {
    var changed = annotation
    changed.shape = .box(BoundingBox(x: x, y: 20, width: 30, height: 40))
    changed.author = author
    return ServerVersion(
      annotationID: annotation.id, revision: revision, deleted: false,
      body: try AnnotationJSON.line(changed), author: author)
  }

  @Test func pendingMutationsCarryScopeAndBodyAndLeaveWhenRecorded() throws {
    defer { folder.remove() }
    let workspace = try open()
    let box = Samples.box()
    try workspace.annotations.apply(.add(box))
    try workspace.annotations.apply(
      .delete(try #require(try workspace.annotations.annotation(id: box.id)?.annotation)))
    let pending = try workspace.sync.pending()
    #expect(pending.map(\.clientSeq) == [1, 2])
    #expect(pending.map(\.name) == [.createAnnotation, .deleteAnnotation])
    #expect(pending[0].studyInstanceUID == "2.25.9" && pending[0].seriesInstanceUID == "2.25.9.1")
    #expect(pending[0].sopInstanceUID == "2.25.9.1.1" && pending[0].frame == 1)
    #expect(pending[1].baseRevision == 1)
    let sent = try AnnotationJSON.decode(Annotation.self, from: pending[1].body)
    #expect(sent.id == box.id)
    try workspace.sync.record([
      PushResultRecord(clientSeq: 1, outcome: .applied),
      PushResultRecord(clientSeq: 2, outcome: .applied),
    ])
    #expect(try workspace.sync.pending().isEmpty)
    #expect(try workspace.annotations.syncState().ackedClientSeq == 2)
  }

  @Test func aConflictIsKeptAndEachChoiceSettlesIt() throws {
    defer { folder.remove() }
    let workspace = try open()
    var boxes: [Annotation] = []
    for index in 1...3 {
      let box = Samples.box(id: "00000000-0000-4000-8000-00000000000\(index)")
      try workspace.annotations.apply(.add(box))
      var moved = box
      moved.shape = .box(BoundingBox(x: 99, y: 20, width: 30, height: 40))
      let stored = try #require(try workspace.annotations.annotation(id: box.id)?.annotation)
      try workspace.annotations.apply(.update(before: stored, after: moved))
      boxes.append(box)
    }
    // Creates applied; every move met a newer server revision (3) by alice.
    try workspace.sync.record(
      (Int64(1)...6).map { seq in
        let box = boxes[Int(seq - 1) / 2]
        return PushResultRecord(
          clientSeq: seq,
          outcome: seq % 2 == 1
            ? .applied : .conflict(try! theirs(box, revision: 3, x: 50)))
      })
    let conflicts = try workspace.sync.conflicts()
    #expect(conflicts.count == 3)
    #expect(conflicts.allSatisfy { $0.theirsRevision == 3 && $0.theirsAuthor == "alice" })
    #expect(try workspace.sync.pending().isEmpty)

    try workspace.sync.resolve(annotationID: boxes[0].id, choice: .keepMine)
    let again = try workspace.sync.pending()
    #expect(again.count == 1 && again[0].name == .updateAnnotation && again[0].baseRevision == 3)
    #expect(try workspace.annotations.annotation(id: boxes[0].id)?.annotation.revision == 4)

    try workspace.sync.resolve(annotationID: boxes[1].id, choice: .takeTheirs)
    let taken = try #require(try workspace.annotations.annotation(id: boxes[1].id)?.annotation)
    #expect(taken.revision == 3)
    #expect(taken.shape == .box(BoundingBox(x: 50, y: 20, width: 30, height: 40)))

    try workspace.sync.resolve(annotationID: boxes[2].id, choice: .keepBoth)
    let both = try workspace.sync.pending()
    #expect(
      both.count == 2 && both[1].name == .createAnnotation && both[1].annotationID != boxes[2].id)
    #expect(try workspace.sync.conflicts().isEmpty)
    #expect(throws: WorkspaceError.self) {
      try workspace.sync.resolve(annotationID: boxes[2].id, choice: .keepMine)
    }
  }

  @Test func pulledChangesApplyExceptOverPendingEditsAndMoveTheCursor() throws {
    defer { folder.remove() }
    let workspace = try open()
    let mine = Samples.box(id: "00000000-0000-4000-8000-00000000000a")
    try workspace.annotations.apply(.add(mine))
    let remote = Samples.box(id: "00000000-0000-4000-8000-00000000000b", x: 70)
    let changed = try workspace.sync.applyPulled(
      [
        try theirs(mine, revision: 2, x: 5),
        ServerVersion(
          annotationID: remote.id, revision: 1, deleted: false,
          body: try AnnotationJSON.line(remote), author: "bob"),
      ], nextCursor: 17)
    #expect(changed == 1)
    #expect(try workspace.sync.settings().pulledSeq == 17)
    #expect(try workspace.annotations.annotation(id: mine.id)?.annotation.revision == 1)
    #expect(try workspace.annotations.annotation(id: remote.id)?.annotation.author == remote.author)
    // Applying the same page again changes nothing (a pull killed before its cursor committed).
    #expect(
      try workspace.sync.applyPulled(
        [
          ServerVersion(
            annotationID: remote.id, revision: 1, deleted: false,
            body: try AnnotationJSON.line(remote), author: "bob")
        ], nextCursor: 17) == 0)
  }

  /// The change log holds every revision; a page with an older one than what is here must not
  /// take the annotation back (the fault test found this: the next edit then conflicted).
  @Test func anOlderPulledRevisionNeverReplacesANewerOne() throws {
    defer { folder.remove() }
    let workspace = try open()
    let box = Samples.box()
    try workspace.annotations.apply(.add(box))
    let stored = try #require(try workspace.annotations.annotation(id: box.id)?.annotation)
    var moved = stored
    moved.shape = .box(BoundingBox(x: 77, y: 20, width: 30, height: 40))
    try workspace.annotations.apply(.update(before: stored, after: moved))
    try workspace.sync.record([
      PushResultRecord(clientSeq: 1, outcome: .applied),
      PushResultRecord(clientSeq: 2, outcome: .applied),
    ])
    let changed = try workspace.sync.applyPulled(
      [try theirs(box, revision: 1, x: 10, author: "reader1")], nextCursor: 1)
    #expect(changed == 0)
    let now = try #require(try workspace.annotations.annotation(id: box.id)?.annotation)
    #expect(now.revision == 2)
    #expect(now.shape == .box(BoundingBox(x: 77, y: 20, width: 30, height: 40)))
  }

  @Test func anotherProjectStartsOverWithTheOutboxNumberedFromOne() throws {
    defer { folder.remove() }
    let workspace = try open()
    for index in 1...3 {
      try workspace.annotations.apply(
        .add(Samples.box(id: "00000000-0000-4000-8000-00000000001\(index)")))
    }
    try workspace.sync.record([PushResultRecord(clientSeq: 1, outcome: .applied)])
    try workspace.sync.configure(serverURL: "http://127.0.0.1:1", project: "p")
    try workspace.sync.setServerClientID("c-1")
    #expect(try workspace.sync.pending().map(\.clientSeq) == [1, 2])
    try workspace.sync.configure(serverURL: "http://127.0.0.1:1", project: "p")
    #expect(try workspace.sync.settings().serverClientID == "c-1")
    try workspace.sync.resetClient()
    #expect(try workspace.sync.settings().serverClientID == nil)
    try workspace.annotations.apply(
      .add(Samples.box(id: "00000000-0000-4000-8000-000000000019")))
    #expect(try workspace.sync.pending().map(\.clientSeq) == [1, 2, 3])
  }
}
