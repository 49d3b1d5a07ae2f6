import Annotations
import Foundation
import GRDB
import Testing
import Workspace

@Suite struct AnnotationStoreTests {
  /// The outbox as (client_seq, name, annotation id, base revision) for compact comparisons.
  static func outline(_ store: AnnotationStore) throws -> [String] {
    try store.pendingMutations().map {
      "\($0.clientSeq) \($0.name.rawValue) \($0.annotationID.prefix(8)) base=\($0.baseRevision)"
    }
  }

  static func revised(_ annotation: Annotation, _ revision: Int, at time: Timestamp? = nil)
    -> Annotation
  {
    var copy = annotation
    copy.revision = revision
    if let time { copy.updatedAt = time }
    return copy
  }

  @Test func applyAllIsAllOrNothing() throws {
    let folder = TemporaryFolder("store-all")
    defer { folder.remove() }
    let workspace = try Workspace(folderPath: folder.path)
    let store = workspace.annotations
    let first = Samples.box(id: "00000000-0000-4000-8000-0000000000a1")
    let second = Samples.box(id: "00000000-0000-4000-8000-0000000000a2")
    #expect(throws: AnnotationEditError.self) {
      try store.applyAll([.add(first), .add(second), .add(first)])
    }
    #expect(try store.allStored().isEmpty)
    #expect(try store.pendingMutations().isEmpty)
    let committed = try store.applyAll([.add(first), .add(second)])
    #expect(committed.map(\.mutation.clientSeq) == [1, 2])
    #expect(try Self.outline(store).count == 2)
    #expect(try store.undo()?.edit == .delete(Self.revised(second, 1)))
  }

  @Test func editsUndoAndRedoWriteExactHistoryAndOutboxRows() throws {
    let folder = TemporaryFolder("store")
    defer { folder.remove() }
    let clock = SteppingClock()
    let workspace = try Workspace(folderPath: folder.path, clock: clock.now)
    let store = workspace.annotations
    let original = Samples.box()
    var moved = original
    moved.label = "fracture"
    moved.shape = .box(BoundingBox(x: 50, y: 20, width: 30, height: 40))
    moved.updatedAt = Timestamp(year: 2026, month: 2, day: 1, hour: 10)!

    let added = try store.apply(.add(original))
    #expect(added.stored == StoredAnnotation(annotation: original, isDeleted: false))
    #expect(added.mutation.clientSeq == 1 && added.mutation.name == .createAnnotation)
    #expect(
      added.mutation.arguments
        == "{\"base_rev\":0,\"body\":\(try AnnotationJSON.line(original)),"
        + "\"id\":\"\(original.id)\",\"rev\":1}")
    #expect(added.mutation.createdAt == clock.instant(1))

    // The caller's revision is ignored: the store numbers revisions.
    let updated = try store.apply(.update(before: original, after: Self.revised(moved, 99)))
    #expect(updated.stored.annotation == Self.revised(moved, 2))
    #expect(updated.edit == .update(before: original, after: Self.revised(moved, 2)))

    let deleted = try store.apply(.delete(Self.revised(moved, 2)))
    #expect(deleted.stored.isDeleted)
    #expect(deleted.stored.annotation == Self.revised(moved, 3, at: clock.instant(3)))
    #expect(
      deleted.mutation.arguments == "{\"base_rev\":2,\"id\":\"\(original.id)\",\"rev\":3}")
    #expect(try store.currentSet().isEmpty)
    #expect(try store.historyDepth() == HistoryDepth(undoCount: 3, redoCount: 0))

    // Undo the delete: the annotation is back with a new revision, stamped now.
    let restored = try #require(try store.undo())
    #expect(restored.edit == .add(Self.revised(moved, 4, at: clock.instant(4))))
    #expect(restored.mutation.name == .createAnnotation && restored.mutation.baseRevision == 3)
    // Undo the update: the original content at revision 5.
    let reverted = try #require(try store.undo())
    #expect(reverted.stored.annotation == Self.revised(original, 5, at: clock.instant(5)))
    #expect(try store.historyDepth() == HistoryDepth(undoCount: 1, redoCount: 2))
    let redone = try #require(try store.redo())
    #expect(redone.stored.annotation == Self.revised(moved, 6, at: clock.instant(6)))

    #expect(
      try Self.outline(store) == [
        "1 createAnnotation 00000000 base=0", "2 updateAnnotation 00000000 base=1",
        "3 deleteAnnotation 00000000 base=2", "4 createAnnotation 00000000 base=3",
        "5 updateAnnotation 00000000 base=4", "6 updateAnnotation 00000000 base=5",
      ])
    #expect(Set(try store.pendingMutations().map(\.mutationID)).count == 6)
    #expect(try store.syncState().nextClientSeq == 7)

    // History rows hold the edits as first applied (with their stored revisions).
    let history = try store.history()
    #expect(
      history.undoStack == [
        .add(original), .update(before: original, after: Self.revised(moved, 2)),
      ])
    #expect(history.redoStack == [.delete(Self.revised(moved, 2))])

    let rows = try workspace.database.read { db in
      try Row.fetchAll(db, sql: "SELECT seq, annotation_id, done_at FROM edit_history")
    }
    #expect(rows.count == 3)
    #expect(rows.map { $0["done_at"] as String } == (1...3).map { clock.instant($0).description })
  }

  @Test func reopeningKeepsUndoAndRedoAndANewEditClearsRedo() throws {
    let folder = TemporaryFolder("reopen-history")
    defer { folder.remove() }
    let first = Samples.box()
    let second = Samples.box(id: "00000000-0000-4000-8000-000000000002", x: 70)
    do {
      let store = try Workspace(folderPath: folder.path).annotations
      try store.apply(.add(first))
      try store.apply(.add(second))
      try store.apply(.delete(second))
      #expect(try store.undo() != nil)
    }
    let store = try Workspace(folderPath: folder.path).annotations
    #expect(try store.historyDepth() == HistoryDepth(undoCount: 2, redoCount: 1))
    #expect(try store.currentSet().count == 2)
    let redone = try #require(try store.redo())
    #expect(redone.stored.isDeleted && redone.stored.annotation.revision == 4)
    #expect(try store.undo() != nil)
    #expect(try store.undo() != nil)
    #expect(try store.historyDepth() == HistoryDepth(undoCount: 1, redoCount: 2))

    let third = Samples.box(id: "00000000-0000-4000-8000-000000000003", label: "normal")
    try store.apply(.add(third))
    #expect(try store.historyDepth() == HistoryDepth(undoCount: 2, redoCount: 0))
    #expect(try store.redo() == nil)
    #expect(try store.history().undoStack == [.add(first), .add(third)])
    // 3 edits + undo, then redo + 2 undos + 1 edit: every step is one outbox mutation.
    #expect(try store.pendingMutations().map(\.clientSeq) == Array(1...8))
  }

  @Test func editsThatDoNotMatchTheStoreChangeNothing() throws {
    let folder = TemporaryFolder("stale")
    defer { folder.remove() }
    let store = try Workspace(folderPath: folder.path).annotations
    let box = Samples.box()
    try store.apply(.add(box))
    var other = box
    other.label = "normal"
    #expect(throws: AnnotationEditError.alreadyExists(id: box.id)) {
      try store.apply(.add(box))
    }
    #expect(throws: AnnotationEditError.stale(id: box.id)) {
      try store.apply(.update(before: other, after: other))
    }
    let ghost = Samples.box(id: "00000000-0000-4000-8000-00000000000f")
    #expect(throws: AnnotationEditError.notFound(id: ghost.id)) {
      try store.apply(.delete(ghost))
    }
    var renamed = box
    renamed.id = ghost.id
    #expect(throws: AnnotationEditError.idChanged(before: box.id, after: ghost.id)) {
      try store.apply(.update(before: box, after: renamed))
    }
    #expect(try store.pendingMutations().count == 1)
    #expect(try store.historyDepth() == HistoryDepth(undoCount: 1, redoCount: 0))
    #expect(try store.annotation(id: box.id) == StoredAnnotation(annotation: box, isDeleted: false))
  }

  @Test func undoAndRedoWithNothingToDoWriteNothing() throws {
    let folder = TemporaryFolder("empty-undo")
    defer { folder.remove() }
    let store = try Workspace(folderPath: folder.path).annotations
    #expect(try store.undo() == nil)
    #expect(try store.redo() == nil)
    #expect(try store.pendingMutations().isEmpty)
  }

  @Test func queriesFindAnnotationsByImageSeriesAndStudy() throws {
    let folder = TemporaryFolder("queries")
    defer { folder.remove() }
    let store = try Workspace(folderPath: folder.path).annotations
    let onFrame2 = Samples.box(
      id: "00000000-0000-4000-8000-000000000002", target: Samples.image(frame: 2))
    let onFrame1 = Samples.box(id: "00000000-0000-4000-8000-000000000001")
    let seriesLevel = Annotation(
      id: "00000000-0000-4000-8000-000000000003", label: "motion",
      shape: .classification(answers: ["yes"]),
      target: .series(studyInstanceUID: "2.25.9", seriesInstanceUID: "2.25.9.1"),
      author: "reader1", createdAt: Samples.created)
    let studyLevel = Annotation(
      id: "00000000-0000-4000-8000-000000000004", label: "normal",
      shape: .classification(answers: []), target: .study(studyInstanceUID: "2.25.9"),
      author: "reader1", createdAt: Samples.created)
    for annotation in [onFrame2, onFrame1, seriesLevel, studyLevel] {
      try store.apply(.add(annotation))
    }
    try store.apply(.delete(onFrame1))
    #expect(try store.annotations(sopInstanceUID: "2.25.9.1.1", frame: 2) == [onFrame2])
    #expect(try store.annotations(sopInstanceUID: "2.25.9.1.1", frame: 1).isEmpty)
    #expect(try store.annotations(seriesInstanceUID: "2.25.9.1") == [onFrame2, seriesLevel])
    #expect(
      try store.annotations(studyInstanceUID: "2.25.9") == [onFrame2, seriesLevel, studyLevel])
    #expect(try store.allStored().map(\.isDeleted) == [true, false, false, false])
    let frame2 = ImageReference(
      studyInstanceUID: "2.25.9", seriesInstanceUID: "2.25.9.1", sopInstanceUID: "2.25.9.1.1",
      frame: 2)
    #expect(try store.annotations(about: frame2) == [onFrame2, seriesLevel, studyLevel])
  }

  @Test func acknowledgedMutationsLeaveTheOutboxAndSequenceNumbersAreNeverReused() throws {
    let folder = TemporaryFolder("ack")
    defer { folder.remove() }
    let store = try Workspace(folderPath: folder.path).annotations
    let box = Samples.box()
    try store.apply(.add(box))
    try store.apply(.delete(box))
    try store.recordFailedAttempt(clientSeqs: [1], error: "timeout")
    #expect(try store.pendingMutations().first?.attempts == 1)
    #expect(try store.pendingMutations().first?.lastError == "timeout")
    try store.markSent(clientSeqs: [1, 2])
    #expect(try store.pendingMutations().isEmpty)
    #expect(try store.syncState().ackedClientSeq == 2)
    let next = try #require(try store.undo())
    #expect(next.mutation.clientSeq == 3)
  }
}
