import TUIKit

extension AppState {
  /// Seconds between cine frames while cine plays, nil when stopped; the shell sends `.tick`
  /// at this interval.
  public var cineInterval: Double? {
    isCinePlaying ? 1 / Double(cineFramesPerSecond) : nil
  }

  /// The rates `cine.faster` and `cine.slower` step through: fine steps where the eye notices
  /// them, coarse ones near the 30 frames/s a terminal can show at best.
  static let cineRates = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 30]
  static let cineRateRange = 1...30

  mutating func runCineCommand(_ command: BoundCommand, effects: inout [Effect]) {
    switch command.name {
    case "cine.toggle":
      if isCinePlaying {
        stopCine()
        report("cine stopped")
      } else {
        startCine(effects: &effects)
      }
    case "cine.faster":
      cineFramesPerSecond =
        Self.cineRates.first { $0 > cineFramesPerSecond } ?? Self.cineRateRange.upperBound
      report("cine \(cineFramesPerSecond) frames/s")
    case "cine.slower":
      cineFramesPerSecond =
        Self.cineRates.last { $0 < cineFramesPerSecond } ?? Self.cineRateRange.lowerBound
      report("cine \(cineFramesPerSecond) frames/s")
    case "cine.fps":
      // Choosing a rate means wanting to watch at it, so it also starts cine.
      guard let rate = command.arguments.first.flatMap({ Int($0) }),
        Self.cineRateRange.contains(rate)
      else { return report("cine runs at 1 to 30 frames/s") }
      cineFramesPerSecond = rate
      if isCinePlaying {
        report("cine \(rate) frames/s")
      } else {
        startCine(effects: &effects)
      }
    default:
      break
    }
  }

  private mutating func startCine(effects: inout [Effect]) {
    guard let stack = currentStack, stack.frameCount > 1 else {
      return report("cine needs a stack of more than one frame")
    }
    isCinePlaying = true
    report("cine \(cineFramesPerSecond) frames/s (c stops)")
    effects.append(.prefetch(stack: stackIndex, frames: cineFramesAhead(3)))
  }

  mutating func stopCine() {
    isCinePlaying = false
  }

  /// One cine step: the next frame, back to the first after the last.
  mutating func advanceCine(effects: inout [Effect]) {
    guard isCinePlaying, let stack = currentStack, stack.frameCount > 1 else {
      isCinePlaying = false
      return
    }
    showFrame((frameIndex + 1) % stack.frameCount, effects: &effects)
    effects.append(.prefetch(stack: stackIndex, frames: cineFramesAhead(3)))
  }

  /// The `count` frames after the current one, wrapping as cine does.
  private func cineFramesAhead(_ count: Int) -> [Int] {
    guard let stack = currentStack, stack.frameCount > 1 else { return [] }
    return (1...min(count, stack.frameCount - 1)).map { (frameIndex + $0) % stack.frameCount }
  }
}
