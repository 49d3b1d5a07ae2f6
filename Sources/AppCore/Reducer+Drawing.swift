import Annotations

extension AppState {
  mutating func startDrawing(_ newTool: DrawingTool) {
    stopCine()
    tool = newTool
    mode = newTool == .polygon ? .polygon : .box
    draft.removeAll()
    crosshair = clamped(crosshair)
    let label = currentLabel ?? "no label"
    switch newTool {
    case .box: report("box (\(label)): arrows move, Enter places the corners")
    case .polygon: report("polygon (\(label)): Enter adds a vertex, Ctrl-D closes")
    case .redact:
      report(
        "redaction box over burned-in text (blanked by annotty deid): Enter places the corners")
    case .none: break
    }
  }

  mutating func moveCrosshair(dx: Int, dy: Int) {
    crosshair = clamped(PixelPoint(x: crosshair.x + dx, y: crosshair.y + dy))
  }

  mutating func placePoint(now: Timestamp, effects: inout [Effect]) {
    switch mode {
    case .box:
      guard let first = draft.first else {
        draft = [crosshair]
        return
      }
      draft.removeAll()
      let box = Self.box(from: first, to: crosshair)
      if tool == .redact {
        commitRedaction(box, now: now, effects: &effects)
      } else {
        commitNewShape(.box(box), now: now, effects: &effects)
      }
    case .polygon:
      // Placing the first vertex again closes the polygon, as in most drawing tools.
      if draft.count >= 3, crosshair == draft.first {
        closePolygon(now: now, effects: &effects)
      } else if draft.last != crosshair {
        draft.append(crosshair)
      }
    default:
      break
    }
  }

  mutating func closePolygon(now: Timestamp, effects: inout [Effect]) {
    guard mode == .polygon else { return }
    guard draft.count >= 3 else { return report("a polygon needs at least 3 vertices") }
    let points = draft.map { ImagePoint(x: Double($0.x) + 0.5, y: Double($0.y) + 0.5) }
    draft.removeAll()
    commitNewShape(.polygon(points), now: now, effects: &effects)
  }

  /// The box covering both corner pixels whole: pixels are squares, the crosshair names one.
  static func box(from first: PixelPoint, to second: PixelPoint) -> BoundingBox {
    let left = min(first.x, second.x)
    let top = min(first.y, second.y)
    return BoundingBox(
      x: Double(left), y: Double(top), width: Double(abs(first.x - second.x) + 1),
      height: Double(abs(first.y - second.y) + 1))
  }

  /// Asks the shell to commit a new shape on the current image with the current label.
  private mutating func commitNewShape(
    _ shape: AnnotationShape, now: Timestamp, effects: inout [Effect]
  ) {
    guard let image = currentImage else { return report("no image to annotate") }
    guard let name = currentLabel, let label = schema.label(named: name) else {
      return report("choose a label first (its digit in normal mode)")
    }
    guard label.kinds.contains(shape.kind) else {
      return report("label \(name) is not for a \(shape.kind.rawValue); choose another")
    }
    let annotation = Annotation(
      id: idSource.makeID(), label: name, shape: shape, target: .image(image), author: author,
      createdAt: now)
    effects.append(.commit(.add(annotation)))
  }

  /// A redaction box: its reserved label, whatever label is current.
  private mutating func commitRedaction(
    _ box: BoundingBox, now: Timestamp, effects: inout [Effect]
  ) {
    guard let image = currentImage else { return report("no image to annotate") }
    let annotation = Annotation(
      id: idSource.makeID(), label: Redaction.label, shape: .box(box), target: .image(image),
      author: author, createdAt: now)
    effects.append(.commit(.add(annotation)))
  }

  mutating func moveSelection(by step: Int) {
    let shapes = shapesOnImage
    guard !shapes.isEmpty else { return report("no shapes on this slice") }
    let index = shapes.firstIndex { $0.id == selectedID }
    let next: Int
    if let index {
      next = ((index + step) % shapes.count + shapes.count) % shapes.count
    } else {
      next = step > 0 ? 0 : shapes.count - 1
    }
    selectedID = shapes[next].id
  }

  /// A digit: answers the pending question, or sets the current label (and relabels the
  /// selected shape when the label allows its kind).
  mutating func assignLabel(_ number: Int, now: Timestamp, effects: inout [Effect]) {
    if mode == .classify {
      answer(number, now: now, effects: &effects)
      return
    }
    if mode == .rapid {
      return answerRapid(number, now: now, effects: &effects)
    }
    guard let label = schema.label(forHotkey: String(number)) else {
      return report("no label on key \(number)")
    }
    currentLabel = label.name
    report("label: \(label.name)")
    guard let selected, selected.label != label.name else { return }
    guard label.kinds.contains(selected.kind) else {
      return report("label \(label.name) is not for a \(selected.kind.rawValue)")
    }
    var after = selected
    after.label = label.name
    after.updatedAt = now
    effects.append(.commit(.update(before: selected, after: after)))
  }

  /// Applies an edit the store committed to the annotations in view.
  mutating func applyCommitted(_ edit: AnnotationEdit) {
    switch edit {
    case .add(let annotation):
      guard isInView(annotation) else { return }
      annotations.removeAll { $0.id == annotation.id }
      annotations.append(annotation)
      report("saved \(annotation.label) \(annotation.kind.rawValue)")
    case .update(_, let after):
      if let index = annotations.firstIndex(where: { $0.id == after.id }) {
        annotations[index] = after
      } else if isInView(after) {
        annotations.append(after)
      }
      report("saved \(after.label) \(after.kind.rawValue)")
    case .delete(let annotation):
      annotations.removeAll { $0.id == annotation.id }
      if selectedID == annotation.id { selectedID = nil }
      report("deleted \(annotation.label) \(annotation.kind.rawValue)")
    }
  }

  /// Whether the annotation is about the current image, its series or its study.
  func isInView(_ annotation: Annotation) -> Bool {
    guard let image = currentImage else { return false }
    switch annotation.target {
    case .image(let reference): return reference == image
    case .series(let study, let series):
      return study == image.studyInstanceUID && series == image.seriesInstanceUID
    case .study(let study): return study == image.studyInstanceUID
    }
  }
}
