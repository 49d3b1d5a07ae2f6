import Annotations

/// Edit mode's handles: for a box, 0 moves the whole box and 1...4 are its corners clockwise
/// from the top left; for a polygon, handle `i` is vertex `i`.
extension AppState {
  /// Enters edit mode on the selected box or polygon, with the first handle chosen.
  mutating func startEditing() {
    guard let selected, selected.kind == .box || selected.kind == .polygon else {
      return report("select a box or polygon first (Tab)")
    }
    stopCine()
    stopDrawing()
    mode = .edit
    editHandle = 0
    followEditHandle()
    report("edit: Tab picks a corner or vertex, arrows move it (Shift: 8 px), Enter done")
  }

  /// How many handles the selected shape has.
  var editHandleCount: Int {
    switch selected?.shape {
    case .box: return 5
    case .polygon(let points): return points.count
    default: return 0
    }
  }

  /// The active handle as the status line names it (`whole box`, `corner 2/4`, `vertex 3/7`).
  var editHandleName: String {
    switch selected?.shape {
    case .box: return editHandle == 0 ? "whole box" : "corner \(editHandle)/4"
    case .polygon(let points): return "vertex \(editHandle + 1)/\(points.count)"
    default: return ""
    }
  }

  mutating func cycleEditHandle(by step: Int) {
    let count = editHandleCount
    guard count > 0 else { return }
    editHandle = ((editHandle + step) % count + count) % count
  }

  /// Keeps edit mode on a shape that still exists, and the crosshair on the active handle.
  mutating func followEditHandle() {
    guard mode == .edit || (mode == .help && helpMode == .edit) else { return }
    guard let selected, editHandleCount > 0 else {
      if mode == .edit { mode = .normal }
      return
    }
    editHandle = min(max(0, editHandle), editHandleCount - 1)
    crosshair = clamped(Self.handlePixel(of: selected.shape, handle: editHandle))
  }

  /// The pixel a handle sits on: a corner's own pixel, a box's center, a vertex's pixel.
  static func handlePixel(of shape: AnnotationShape, handle: Int) -> PixelPoint {
    switch shape {
    case .box(let box):
      let left = Self.pixel(box.x)
      let top = Self.pixel(box.y)
      let right = max(left, Self.pixel((box.x + box.width).rounded(.up)) - 1)
      let bottom = max(top, Self.pixel((box.y + box.height).rounded(.up)) - 1)
      switch handle {
      case 1: return PixelPoint(x: left, y: top)
      case 2: return PixelPoint(x: right, y: top)
      case 3: return PixelPoint(x: right, y: bottom)
      case 4: return PixelPoint(x: left, y: bottom)
      default: return PixelPoint(x: (left + right) / 2, y: (top + bottom) / 2)
      }
    case .polygon(let points):
      guard points.indices.contains(handle) else { return PixelPoint(x: 0, y: 0) }
      return PixelPoint(x: Self.pixel(points[handle].x), y: Self.pixel(points[handle].y))
    case .classification:
      return PixelPoint(x: 0, y: 0)
    }
  }

  /// The whole pixel holding a coordinate; non-finite or huge values give 0 or the far edge.
  private static func pixel(_ value: Double) -> Int {
    guard value.isFinite else { return 0 }
    return Int(max(-1e9, min(1e9, value)).rounded(.down))
  }

  /// Moves the active handle by whole pixels, kept inside the image, and commits the change.
  mutating func moveEditHandle(dx: Int, dy: Int, now: Timestamp, effects: inout [Effect]) {
    guard let selected, let size = currentStack?.size else { return }
    let columns = Double(max(1, size.columns))
    let rows = Double(max(1, size.rows))
    var after = selected
    switch selected.shape {
    case .box(let box):
      after.shape = .box(
        Self.moved(
          box, handle: editHandle, dx: Double(dx), dy: Double(dy), columns: columns, rows: rows))
    case .polygon(var points):
      guard points.indices.contains(editHandle) else { return }
      points[editHandle].x = min(max(0, points[editHandle].x + Double(dx)), columns)
      points[editHandle].y = min(max(0, points[editHandle].y + Double(dy)), rows)
      after.shape = .polygon(points)
    case .classification:
      return
    }
    commitEdit(before: selected, after: after, now: now, effects: &effects)
  }

  /// `box` with a corner (or the whole box, handle 0) moved; at least one pixel wide and high,
  /// inside `columns` x `rows`. A corner stops at the opposite edge rather than flipping over.
  static func moved(
    _ box: BoundingBox, handle: Int, dx: Double, dy: Double, columns: Double, rows: Double
  ) -> BoundingBox {
    var left = box.x
    var top = box.y
    var right = box.x + box.width
    var bottom = box.y + box.height
    switch handle {
    case 1, 4: left = min(max(0, left + dx), right - 1)
    case 2, 3: right = max(min(columns, right + dx), left + 1)
    default:
      let newLeft = min(max(0, left + dx), max(0, columns - box.width))
      let newTop = min(max(0, top + dy), max(0, rows - box.height))
      return BoundingBox(x: newLeft, y: newTop, width: box.width, height: box.height)
    }
    switch handle {
    case 1, 2: top = min(max(0, top + dy), bottom - 1)
    default: bottom = max(min(rows, bottom + dy), top + 1)
    }
    return BoundingBox(x: left, y: top, width: right - left, height: bottom - top)
  }

  /// Deletes the active polygon vertex, keeping at least three.
  mutating func deleteEditHandle(now: Timestamp, effects: inout [Effect]) {
    guard let selected else { return }
    guard case .polygon(var points) = selected.shape else {
      return report("a box has no vertex to delete")
    }
    guard points.count > 3 else { return report("a polygon keeps at least 3 vertices") }
    guard points.indices.contains(editHandle) else { return }
    points.remove(at: editHandle)
    var after = selected
    after.shape = .polygon(points)
    editHandle = min(editHandle, points.count - 1)
    commitEdit(before: selected, after: after, now: now, effects: &effects)
  }

  /// Asks the store to replace `before` with `after` when they differ; one undo step each.
  mutating func commitEdit(
    before: Annotation, after: Annotation, now: Timestamp, effects: inout [Effect]
  ) {
    guard after != before else { return }
    var after = after
    after.updatedAt = now
    effects.append(.commit(.update(before: before, after: after)))
  }
}
