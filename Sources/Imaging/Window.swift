#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A window center and width with its VOI LUT Function, applied exactly as PS3.3 C.11.2.
///
/// Center and width are in modality units (HU for CT). A `Window` can only exist with a width
/// its function allows, so applying it never divides by zero.
public struct Window: Sendable, Equatable {
  public let center: Double
  public let width: Double
  public let function: VOIFunction

  /// Checks the width rule of the function: LINEAR needs width >= 1, the others width > 0.
  public init(center: Double, width: Double, function: VOIFunction = .linear)
    throws(ImagingError)
  {
    let widthAllowed =
      switch function {
      case .linear: width >= 1
      case .linearExact, .sigmoid: width > 0
      }
    guard center.isFinite, width.isFinite, widthAllowed else {
      throw .invalidWindow(center: center, width: width, function: function)
    }
    self.center = center
    self.width = width
    self.function = function
  }

  /// A window from constants known to satisfy the width rule (the presets).
  init(checkedCenter center: Double, width: Double, function: VOIFunction) {
    self.center = center
    self.width = width
    self.function = function
  }

  /// The window that spans `range` exactly (PS3.3 C.11.2.1.2 Note 4: c = (x1 + x2 + 1) / 2,
  /// w = x2 - x1 + 1), so with LINEAR the smallest value maps to the bottom of the output and
  /// the largest to the top.
  public static func spanning(_ range: ClosedRange<Double>, function: VOIFunction = .linear)
    -> Window?
  {
    let low = range.lowerBound
    let high = range.upperBound
    guard low.isFinite, high.isFinite else { return nil }
    return try? Window(center: (low + high + 1) / 2, width: high - low + 1, function: function)
  }

  /// The output for modality value `x`, in `range` (pydicom's y_min...y_max; 0...255 for display).
  public func output(for x: Double, in range: ClosedRange<Double> = 0...255) -> Double {
    let yMin = range.lowerBound
    let yMax = range.upperBound
    let span = yMax - yMin
    switch function {
    case .linear:
      // The two branches come first, so width 1 (w - 1 = 0) is a threshold and never divides.
      let base = center - 0.5
      let halfRun = (width - 1) / 2
      if x <= base - halfRun { return yMin }
      if x > base + halfRun { return yMax }
      return ((x - base) / (width - 1) + 0.5) * span + yMin
    case .linearExact:
      if x <= center - width / 2 { return yMin }
      if x > center + width / 2 { return yMax }
      return ((x - center) / width + 0.5) * span + yMin
    case .sigmoid:
      return span / (1 + exp(-4 * (x - center) / width)) + yMin
    }
  }
}
