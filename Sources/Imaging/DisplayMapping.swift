/// The whole grayscale pipeline for one frame, from one stored value to one display byte.
struct DisplayMapping {
  /// The VOI stage once `.auto` has been resolved against a frame.
  enum Stage {
    case window(Window)
    case lut(VOILUT)
    /// Nothing but padding or NaN in the frame: every pixel is background.
    case blank
  }

  let modality: ModalityLUT
  let stage: Stage
  let invert: Bool
  let padding: PixelPadding?

  /// Display byte for an integer stored value; padding is background (0) whatever `invert` says.
  func byte(forStored stored: Int) -> UInt8 {
    if let padding, padding.contains(stored: stored) { return 0 }
    return byte(forModality: modality.output(forStored: stored))
  }

  /// Display byte for a real stored value; NaN and padding are background (0).
  func byte(forStored stored: Double) -> UInt8 {
    guard !stored.isNaN else { return 0 }
    if let padding, padding.contains(stored: stored) { return 0 }
    return byte(forModality: modality.output(forStored: stored))
  }

  private func byte(forModality value: Double) -> UInt8 {
    var display: Double
    switch stage {
    case .window(let window): display = window.output(for: value)
    case .lut(let lut): display = lut.output(for: value)
    case .blank: return 0
    }
    // MONOCHROME1 (or Presentation LUT Shape INVERSE) flips after VOI: y = ymax - y + ymin.
    if invert { display = 255 - display }
    return displayByte(display)
  }
}
