extension AppState {
  /// Whether the crosshair is on screen: while drawing, and at the handle while editing.
  var showsCrosshair: Bool {
    mode == .box || mode == .polygon || mode == .edit
  }

  /// The pixel whose value the status line should show, nil while no crosshair is shown.
  var currentSamplePoint: SamplePoint? {
    guard showsCrosshair, currentImage != nil else { return nil }
    return SamplePoint(stack: stackIndex, frame: frameIndex, point: crosshair)
  }

  /// Asks the shell for the value under the crosshair when it points at a new pixel or image;
  /// the old value is dropped at once so a stale number is never shown.
  mutating func sampleIfMoved(effects: inout [Effect]) {
    guard let point = currentSamplePoint, point != sampledPoint else { return }
    sampledPoint = point
    sampledValue = nil
    effects.append(.sampleValue(stack: point.stack, frame: point.frame, point: point.point))
  }

  /// Keeps the shell's answer when it is for the pixel asked about last.
  mutating func takeSample(_ value: SampledValue?, at point: SamplePoint) {
    guard point == sampledPoint else { return }
    sampledValue = value
  }
}
