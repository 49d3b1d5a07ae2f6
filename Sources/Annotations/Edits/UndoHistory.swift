/// The undo and redo stacks of a workspace, as a value the store persists.
///
/// Each stack holds edits as they were done; undoing applies the inverse of the newest done
/// edit. A new edit clears the redo stack.
public struct UndoHistory: Sendable, Hashable, Codable {
  /// Done edits, oldest first.
  public private(set) var undoStack: [AnnotationEdit]
  /// Undone edits, the next one to redo last.
  public private(set) var redoStack: [AnnotationEdit]
  /// At most this many done edits are kept; the oldest are forgotten first. Nil: no limit.
  public var limit: Int?

  public init(limit: Int? = nil) {
    self.undoStack = []
    self.redoStack = []
    self.limit = limit.map { max(0, $0) }
  }

  public var canUndo: Bool { !undoStack.isEmpty }
  public var canRedo: Bool { !redoStack.isEmpty }

  /// The edit that undo would apply (the inverse of the newest done edit).
  public var nextUndo: AnnotationEdit? { undoStack.last?.inverse }
  /// The edit that redo would apply.
  public var nextRedo: AnnotationEdit? { redoStack.last }

  /// Records an edit that was applied elsewhere (such as in a database transaction).
  public mutating func record(_ edit: AnnotationEdit) {
    undoStack.append(edit)
    redoStack.removeAll()
    if let limit, undoStack.count > limit {
      undoStack.removeFirst(undoStack.count - limit)
    }
  }

  /// Moves the newest done edit to the redo stack and returns the edit to apply; nil if none.
  public mutating func undo() -> AnnotationEdit? {
    guard let edit = undoStack.popLast() else { return nil }
    redoStack.append(edit)
    return edit.inverse
  }

  /// Moves the next undone edit back to the undo stack and returns it to apply; nil if none.
  public mutating func redo() -> AnnotationEdit? {
    guard let edit = redoStack.popLast() else { return nil }
    undoStack.append(edit)
    return edit
  }

  /// Applies `edit` to `set` and records it; on error neither changes.
  public mutating func perform(_ edit: AnnotationEdit, on set: inout AnnotationSet)
    throws(AnnotationEditError)
  {
    try set.apply(edit)
    record(edit)
  }

  /// Undoes the newest edit in `set`; returns the applied edit, nil when there is nothing to
  /// undo. On error neither the set nor the history changes.
  @discardableResult
  public mutating func undo(on set: inout AnnotationSet) throws(AnnotationEditError)
    -> AnnotationEdit?
  {
    guard let edit = nextUndo else { return nil }
    try set.apply(edit)
    _ = undo()
    return edit
  }

  /// Redoes the next undone edit in `set`; returns the applied edit, nil when there is nothing
  /// to redo. On error neither the set nor the history changes.
  @discardableResult
  public mutating func redo(on set: inout AnnotationSet) throws(AnnotationEditError)
    -> AnnotationEdit?
  {
    guard let edit = nextRedo else { return nil }
    try set.apply(edit)
    _ = redo()
    return edit
  }

  private enum CodingKeys: String, CodingKey {
    case undoStack = "undo"
    case redoStack = "redo"
    case limit
  }
}
