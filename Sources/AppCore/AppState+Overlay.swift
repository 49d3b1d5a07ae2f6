import Annotations

extension AppState {
  /// The shapes on the current image (the selected one highlighted), the shape being drawn
  /// and the crosshair while a tool is active.
  public var overlay: Overlay {
    var shapes: [OverlayShape] = shapesOnImage.compactMap { annotation in
      let color =
        Redaction.isRedaction(annotation)
        ? Redaction.color : schema.label(named: annotation.label)?.color ?? Self.unknownLabelColor
      let highlighted = annotation.id == selectedID
      switch annotation.shape {
      case .box(let box): return OverlayShape(.box(box), color: color, highlighted: highlighted)
      case .polygon(let points):
        return OverlayShape(.path(points, closed: true), color: color, highlighted: highlighted)
      case .classification: return nil
      }
    }
    let drawing = mode == .box || mode == .polygon
    let draftColor =
      tool == .redact
      ? Redaction.color
      : currentLabel.flatMap { schema.label(named: $0)?.color } ?? Self.unknownLabelColor
    if drawing, let first = draft.first {
      if mode == .box {
        shapes.append(OverlayShape(.box(Self.box(from: first, to: crosshair)), color: draftColor))
      } else {
        let points = (draft + [crosshair]).map {
          ImagePoint(x: Double($0.x) + 0.5, y: Double($0.y) + 0.5)
        }
        shapes.append(OverlayShape(.path(points, closed: false), color: draftColor))
      }
    }
    return Overlay(shapes: shapes, crosshair: showsCrosshair ? crosshair : nil)
  }

  /// Labels missing from the schema (an imported pre-label) are drawn in neutral gray.
  static let unknownLabelColor = LabelColor(red: 158, green: 158, blue: 158)
}
