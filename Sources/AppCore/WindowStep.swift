/// How far one arrow press in W/L mode moves width or level, in modality units (HU for CT).
///
/// Fixed HU steps rather than a fraction of the width: CT windows are read and remembered as
/// round numbers (brain 80/40, subdural 200/75), and fixed steps keep them round, so a reader
/// can step from 80/40 to 90/40 and back exactly; a fraction would leave 88/40.
public enum WindowStep: Int, Sendable, Hashable, CaseIterable {
  case small = 1
  case medium = 10
  case large = 100

  /// The next size, large wrapping to small (`Tab` in W/L mode).
  public var next: WindowStep {
    switch self {
    case .small: return .medium
    case .medium: return .large
    case .large: return .small
    }
  }
}

extension AppState {
  mutating func runWindowStepCommand(_ name: String) {
    switch name {
    case "window.stepMode":
      stopDrawing()
      mode = .window
      report("W/L: ←/→ width, ↑/↓ level, Tab step size, Esc leaves")
    case "window.stepNext":
      windowStep = windowStep.next
    case "window.widthDecrease": stepWindow(width: -1, level: 0)
    case "window.widthIncrease": stepWindow(width: 1, level: 0)
    case "window.levelIncrease": stepWindow(width: 0, level: 1)
    case "window.levelDecrease": stepWindow(width: 0, level: -1)
    default: break
    }
  }

  /// Moves width and level by `windowStep` in the given directions; width never below 1.
  private mutating func stepWindow(width: Int, level: Int) {
    guard let current = window.current else { return report("no window until the image is shown") }
    let step = Double(windowStep.rawValue)
    window.select(
      custom: WindowLevel(
        center: current.center + Double(level) * step,
        width: max(1, current.width + Double(width) * step)))
  }

  /// Leaves a drawing tool (dropping a half-drawn shape), so another mode can take the keys.
  mutating func stopDrawing() {
    tool = .none
    draft.removeAll()
  }
}
