extension AppState {
  /// What the current mode is doing, for the right of the status line (`W/L step 10`,
  /// `cine 8fps`, `rapid 12/64  37/min`); empty parts are left out.
  var modeIndicators: [String] {
    var parts: [String] = []
    if isCinePlaying { parts.append("cine \(cineFramesPerSecond)fps") }
    switch mode {
    case .window: parts.append("W/L step \(windowStep.rawValue)")
    case .pan: parts.append("pan")
    case .edit: parts.append("edit \(editHandleName)")
    default: break
    }
    if let rapid {
      let total = study.stacks.reduce(0) { $0 + $1.frameCount }
      var text = "rapid \(rapid.answered)/\(total)"
      if let pace = rapid.imagesPerMinute { text += "  \(Int(pace.rounded()))/min" }
      parts.append(text)
    }
    if tool != .none { parts.append(tool.rawValue) }
    return parts
  }

  /// The crosshair's pixel and the value the shell measured there (`(256,240) 35 HU`),
  /// while the crosshair is shown.
  var crosshairReadout: String? {
    guard showsCrosshair else { return nil }
    var text = "(\(crosshair.x),\(crosshair.y))"
    if sampledPoint == currentSamplePoint, let sample = sampledValue {
      text += " " + NumberText.compact(sample.value)
      if !sample.unit.isEmpty { text += " " + sample.unit }
    }
    return text
  }
}
