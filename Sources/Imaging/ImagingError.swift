/// Why an imaging step refused its input; the description says what to fix.
public enum ImagingError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A LUT Descriptor that is not three values, or whose bits per entry is outside 1...16.
  case invalidLUTDescriptor([Int])
  /// LUT Data with no entries.
  case emptyLUTData(what: String)
  /// A window whose width the VOI LUT Function does not allow (LINEAR needs >= 1, others > 0),
  /// or a center or width that is not a finite number.
  case invalidWindow(center: Double, width: Double, function: VOIFunction)
  /// A VOI LUT Function (0028,1056) value other than LINEAR, LINEAR_EXACT or SIGMOID.
  case unsupportedVOIFunction(String)
  /// The frame's sample count disagrees with rows x columns x samples per pixel.
  case sampleCountMismatch(expected: Int, actual: Int)
  /// The frame has a shape or layout this step cannot take.
  case unsupportedFrame(String)
  /// Segmented palette data that cannot be expanded; `unit` is the position of the bad segment.
  case invalidSegmentedLUT(unit: Int, reason: String)

  /// What went wrong and what the data should have held.
  public var description: String {
    switch self {
    case .invalidLUTDescriptor(let values):
      "LUT Descriptor \(values) must be [entries (0 = 65536), first mapped value, bits 1...16]"
    case .emptyLUTData(let what):
      "\(what) has no entries"
    case .invalidWindow(let center, let width, let function):
      "window center \(center) width \(width) is not valid for \(function.rawValue)"
        + " (LINEAR needs width >= 1, LINEAR_EXACT and SIGMOID need width > 0)"
    case .unsupportedVOIFunction(let value):
      "VOI LUT Function '\(value)' is not LINEAR, LINEAR_EXACT or SIGMOID"
    case .sampleCountMismatch(let expected, let actual):
      "frame has \(actual) samples, but rows x columns x samples per pixel is \(expected)"
    case .unsupportedFrame(let reason):
      "cannot render frame: \(reason)"
    case .invalidSegmentedLUT(let unit, let reason):
      "segmented palette data, segment at entry \(unit): \(reason)"
    }
  }
}
