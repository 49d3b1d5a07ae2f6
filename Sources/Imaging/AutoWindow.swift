import DICOM

/// The window used when a frame has none: the span of its modality values.
public enum AutoWindow {
  /// The smallest and largest modality output of `frame`, leaving out padded stored values and
  /// NaN; nil when no sample is left.
  public static func modalityRange(
    of frame: PixelFrame, modality: ModalityLUT, padding: PixelPadding? = nil
  ) -> ClosedRange<Double>? {
    switch frame.samples {
    case .uint8(let v): integerRange(v, modality: modality, padding: padding)
    case .int8(let v): integerRange(v, modality: modality, padding: padding)
    case .uint16(let v): integerRange(v, modality: modality, padding: padding)
    case .int16(let v): integerRange(v, modality: modality, padding: padding)
    case .uint32(let v): integerRange(v, modality: modality, padding: padding)
    case .int32(let v): integerRange(v, modality: modality, padding: padding)
    case .float32(let v): realRange(v.lazy.map(Double.init), modality: modality, padding: padding)
    case .float64(let v): realRange(v, modality: modality, padding: padding)
    }
  }

  /// A window spanning `modalityRange` (PS3.3 C.11.2.1.2 Note 4); nil when no sample is left.
  public static func window(
    for frame: PixelFrame, modality: ModalityLUT, padding: PixelPadding? = nil,
    function: VOIFunction = .linear
  ) -> Window? {
    guard let range = modalityRange(of: frame, modality: modality, padding: padding) else {
      return nil
    }
    return Window.spanning(range, function: function)
  }

  private static func integerRange<T: FixedWidthInteger>(
    _ samples: [T], modality: ModalityLUT, padding: PixelPadding?
  ) -> ClosedRange<Double>? {
    guard modality.isMonotonic else {
      return realRange(samples.lazy.map { Double($0) }, modality: modality, padding: padding)
    }
    // A monotonic stage maps the stored extremes to the output extremes, so one integer pass
    // over the stored values is enough.
    guard let stored = StoredRange(samples, excluding: padding) else { return nil }
    let ends = [
      modality.output(forStored: stored.lowerBound),
      modality.output(forStored: stored.upperBound),
    ]
    guard let low = ends.min(), let high = ends.max(), !low.isNaN, !high.isNaN else {
      return nil
    }
    return low...high
  }

  private static func realRange<S: Sequence<Double>>(
    _ samples: S, modality: ModalityLUT, padding: PixelPadding?
  ) -> ClosedRange<Double>? {
    var low = Double.infinity
    var high = -Double.infinity
    for stored in samples where !stored.isNaN {
      if let padding, padding.contains(stored: stored) { continue }
      let value = modality.output(forStored: stored)
      guard !value.isNaN else { continue }
      low = min(low, value)
      high = max(high, value)
    }
    return low <= high ? low...high : nil
  }
}
