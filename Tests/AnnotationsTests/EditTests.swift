import Annotations
import TestSupport
import Testing

/// A random edit that applies to `set`: add a new annotation, update or delete an existing one.
private func randomEdit(for set: AnnotationSet, using generator: inout SeededGenerator)
  -> AnnotationEdit
{
  let existing = set.annotations
  let choice = existing.isEmpty ? 0 : Int.random(in: 0..<3, using: &generator)
  switch choice {
  case 0:
    return .add(Sample.random(id: Annotation.makeID(using: &generator), using: &generator))
  case 1:
    let before = existing.randomElement(using: &generator)!
    var after = Sample.random(id: before.id, using: &generator)
    after.revision = before.revision + 1
    after.attributes["note"] = .text("rev \(after.revision)")
    return .update(before: before, after: after)
  default:
    return .delete(existing.randomElement(using: &generator)!)
  }
}

@Test func inverseOfInverseIsTheEdit() {
  var generator = SeededGenerator(seed: 3)
  var set = AnnotationSet()
  for _ in 0..<200 {
    let edit = randomEdit(for: set, using: &generator)
    #expect(edit.inverse.inverse == edit)
    #expect(edit.inverse.annotationID == edit.annotationID)
    try? set.apply(edit)
  }
}

/// Property: applying random edits, then their inverses newest first, restores the set exactly.
@Test(arguments: [1, 2, 3, 42, 1234] as [UInt64])
func editsThenInversesRestoreTheSet(seed: UInt64) throws {
  var generator = SeededGenerator(seed: seed)
  for _ in 0..<40 {
    var set = AnnotationSet()
    for _ in 0..<Int.random(in: 0...10, using: &generator) {
      try set.apply(randomEdit(for: set, using: &generator))
    }
    let original = set
    var applied: [AnnotationEdit] = []
    for _ in 0..<Int.random(in: 1...30, using: &generator) {
      let edit = randomEdit(for: set, using: &generator)
      let before = set
      try set.apply(edit)
      #expect(try set.applying(edit.inverse) == before)
      applied.append(edit)
    }
    for edit in applied.reversed() {
      try set.apply(edit.inverse)
    }
    #expect(set == original)
  }
}

@Test func editsThatDoNotMatchAreRefusedWithoutChange() throws {
  let box = Sample.box()
  var set = AnnotationSet([box])
  var moved = box
  moved.shape = .box(BoundingBox(x: 0, y: 0, width: 1, height: 1))
  var other = Sample.polygon()
  other.id = box.id
  let cases: [(AnnotationEdit, AnnotationEditError)] = [
    (.add(box), .alreadyExists(id: box.id)),
    (.delete(Sample.polygon()), .notFound(id: Sample.polygon().id)),
    (.delete(moved), .stale(id: box.id)),
    (.update(before: moved, after: box), .stale(id: box.id)),
    (
      .update(before: Sample.polygon(), after: Sample.polygon()), .notFound(id: Sample.polygon().id)
    ),
    (
      .update(before: box, after: Sample.answer()),
      .idChanged(before: box.id, after: Sample.answer().id)
    ),
  ]
  for (edit, expected) in cases {
    let before = set
    #expect(throws: expected) { try set.apply(edit) }
    #expect(set == before)
  }
  try set.apply(.update(before: box, after: other))
  #expect(set[box.id] == other)
}

@Test func undoRedoSequence() throws {
  var set = AnnotationSet()
  var history = UndoHistory()
  let box = Sample.box()
  var moved = box
  moved.shape = .box(BoundingBox(x: 5, y: 6, width: 7, height: 8))
  moved.revision = 2

  #expect(try history.undo(on: &set) == nil)
  #expect(try history.redo(on: &set) == nil)
  try history.perform(.add(box), on: &set)
  try history.perform(.update(before: box, after: moved), on: &set)
  try history.perform(.add(Sample.polygon()), on: &set)
  #expect(set.count == 2 && set[box.id] == moved)

  #expect(try history.undo(on: &set) == .delete(Sample.polygon()))
  #expect(try history.undo(on: &set) == .update(before: moved, after: box))
  #expect(set == AnnotationSet([box]))
  #expect(history.canRedo && history.redoStack.count == 2)

  #expect(try history.redo(on: &set) == .update(before: box, after: moved))
  #expect(set == AnnotationSet([moved]))

  // A new edit clears what could be redone.
  try history.perform(.add(Sample.answer()), on: &set)
  #expect(!history.canRedo)
  #expect(try history.redo(on: &set) == nil)

  while history.canUndo { try history.undo(on: &set) }
  #expect(set.isEmpty)
  while history.canRedo { try history.redo(on: &set) }
  #expect(set == AnnotationSet([moved, Sample.answer()]))
}

@Test func failedUndoLeavesEverythingUnchanged() throws {
  var set = AnnotationSet()
  var history = UndoHistory()
  try history.perform(.add(Sample.box()), on: &set)
  // Someone else (a sync pull) changed the annotation since.
  var changed = Sample.box()
  changed.revision = 7
  set = AnnotationSet([changed])
  let before = (set, history)
  #expect(throws: AnnotationEditError.stale(id: changed.id)) { try history.undo(on: &set) }
  #expect(set == before.0 && history == before.1)
  #expect(throws: AnnotationEditError.alreadyExists(id: changed.id)) {
    try history.perform(.add(changed), on: &set)
  }
  #expect(history == before.1)
}

@Test func historyLimitForgetsOldestEdits() throws {
  var set = AnnotationSet()
  var history = UndoHistory(limit: 3)
  var generator = SeededGenerator(seed: 5)
  var edits: [AnnotationEdit] = []
  for _ in 0..<5 {
    let edit = AnnotationEdit.add(
      Sample.random(id: Annotation.makeID(using: &generator), using: &generator))
    try history.perform(edit, on: &set)
    edits.append(edit)
  }
  #expect(history.undoStack == Array(edits.suffix(3)))
  var undone = 0
  while try history.undo(on: &set) != nil { undone += 1 }
  #expect(undone == 3 && set.count == 2)
}

/// Property: any random walk of do / undo / redo matches a model that replays the done edits.
@Test(arguments: [7, 8, 9] as [UInt64])
func randomUndoRedoWalkMatchesReplay(seed: UInt64) throws {
  var generator = SeededGenerator(seed: seed)
  var set = AnnotationSet()
  var history = UndoHistory()
  for _ in 0..<600 {
    switch Int.random(in: 0..<4, using: &generator) {
    case 0, 1: try history.perform(randomEdit(for: set, using: &generator), on: &set)
    case 2: try history.undo(on: &set)
    default: try history.redo(on: &set)
    }
    var replayed = AnnotationSet()
    for edit in history.undoStack { try replayed.apply(edit) }
    #expect(replayed == set)
  }
}
