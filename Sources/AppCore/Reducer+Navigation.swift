import Imaging
import TUIKit

extension AppState {
  /// Shows `frame` of the current stack (clamped), asking for its pixels and annotations.
  mutating func showFrame(_ frame: Int, effects: inout [Effect]) {
    guard let stack = currentStack, stack.frameCount > 0 else { return }
    let target = min(max(0, frame), stack.frameCount - 1)
    guard target != frameIndex else { return }
    frameIndex = target
    imageChanged(effects: &effects)
  }

  /// Shows another stack (clamped), at the frame it was left on.
  mutating func showStack(_ index: Int, effects: inout [Effect]) {
    guard !study.stacks.isEmpty else { return }
    let target = min(max(0, index), study.stacks.count - 1)
    guard target != stackIndex else { return }
    stopCine()
    if let stack = currentStack { rememberedFrames[stack.id] = frameIndex }
    stackIndex = target
    let stack = study.stacks[target]
    frameIndex = min(rememberedFrames[stack.id] ?? 0, max(0, stack.frameCount - 1))
    pan = PixelPoint(x: 0, y: 0)
    // Each series gets its own default window: a CT brain window on an MR shows nothing.
    window = WindowState()
    draft.removeAll()
    crosshair = clamped(crosshair)
    imageChanged(effects: &effects)
  }

  private mutating func imageChanged(effects: inout [Effect]) {
    selectedID = nil
    annotations = []
    guard let image = currentImage else { return }
    effects.append(.decodeFrame(stack: stackIndex, frame: frameIndex))
    effects.append(.loadAnnotations(image))
  }

  /// Takes the window pairs and value range of the frame on screen; the first frame decoded
  /// sets the window to the file's default.
  mutating func takeFacts(_ facts: FrameFacts, stack: Int, frame: Int) {
    if let position = facts.slicePosition, study.stacks.indices.contains(stack),
      study.stacks[stack].frames.indices.contains(frame)
    {
      var positions = study.stacks[stack].slicePositions
      if positions.count < study.stacks[stack].frameCount {
        positions += Array(repeating: nil, count: study.stacks[stack].frameCount - positions.count)
      }
      positions[frame] = position
      study.stacks[stack].slicePositions = positions
    }
    guard stack == stackIndex, frame == frameIndex else { return }
    window.filePairs = facts.windows
    window.automatic = facts.automatic
    if window.current == nil {
      window.selectFilePair(0)
    } else if let index = window.filePairIndex {
      // A window taken from the file follows each file's own values.
      window.selectFilePair(index)
    }
  }

  mutating func runWindowCommand(_ command: BoundCommand) {
    switch command.name {
    case "window.preset":
      guard let number = command.arguments.first.flatMap({ Int($0) }),
        let preset = WindowPreset.ct(number: number)
      else { return report("no window preset \(command.arguments.first ?? "")") }
      window.select(preset)
    case "window.default":
      window.selectFilePair(0)
    case "window.cycle":
      window.selectFilePair((window.filePairIndex ?? -1) + 1)
    case "window.auto":
      guard window.automatic != nil else { return report("no automatic window until decoded") }
      window.selectAutomatic()
    case "window.set":
      let values = command.arguments.compactMap { Double($0) }
      guard values.count == 2, WindowLevel(center: values[0], width: values[1]).window != nil
      else { return report("window needs a level and a width of at least 1, such as :wl 40 80") }
      window.select(custom: WindowLevel(center: values[0], width: values[1]))
    case "window.invert":
      window.invert.toggle()
    default:
      break
    }
  }

  /// Zoom factors stay in 1/4 ... 16 times the fitted size.
  static let zoomRange = 0.25...16.0
  static let zoomStep = 1.25

  mutating func runViewCommand(_ name: String) {
    let panStep = max(1, Int(Double(currentStack?.size.columns ?? 64) / 10 / zoom))
    switch name {
    case "zoom.in": zoom = min(Self.zoomRange.upperBound, zoom * Self.zoomStep)
    case "zoom.out": zoom = max(Self.zoomRange.lowerBound, zoom / Self.zoomStep)
    case "zoom.fit":
      zoom = 1
      pan = PixelPoint(x: 0, y: 0)
    case "view.reset":
      zoom = 1
      pan = PixelPoint(x: 0, y: 0)
      window.invert = false
      window.selectFilePair(0)
    case "pan.left": pan.x -= panStep
    case "pan.right": pan.x += panStep
    case "pan.up": pan.y -= panStep
    case "pan.down": pan.y += panStep
    default: break
    }
  }

  /// `point` kept inside the current image.
  func clamped(_ point: PixelPoint) -> PixelPoint {
    guard let size = currentStack?.size else { return point }
    return PixelPoint(
      x: min(max(0, point.x), max(0, size.columns - 1)),
      y: min(max(0, point.y), max(0, size.rows - 1)))
  }
}
